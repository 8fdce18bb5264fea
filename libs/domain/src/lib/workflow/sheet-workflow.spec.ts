import { transition, TransitionRequest } from './sheet-workflow';

const ask = (over: Partial<TransitionRequest>) => transition({ status: 'draft', action: 'submit', role: 'project_lead', actorSubmittedIt: false, ...over });

describe('the target sheet workflow (SPEC §4)', () => {
  it.each<[string, Partial<TransitionRequest>, string]>([
    ['a lead submits a draft', { status: 'draft', action: 'submit', role: 'project_lead' }, 'submitted'],
    ['a lead saves a draft', { status: 'draft', action: 'save', role: 'project_lead' }, 'draft'],
    ['the department approves a submission', { status: 'submitted', action: 'approve', role: 'department_reviewer', grade: '优' }, 'department_approved'],
    ['the department approves with its own small edits (良)', { status: 'submitted', action: 'approve', role: 'department_reviewer', grade: '良' }, 'department_approved'],
    ['finance gives the final approval', { status: 'department_approved', action: 'approve', role: 'finance_reviewer' }, 'approved'],
    ['the department returns with a comment', { status: 'submitted', action: 'return', role: 'department_reviewer', comment: '指标不够细化' }, 'draft'],
    ['finance returns with a comment', { status: 'department_approved', action: 'return', role: 'finance_reviewer', comment: '成本指标缺失', grade: '中' }, 'draft'],
    ['a lead starts an adjustment of an approved sheet', { status: 'approved', action: 'adjust', role: 'project_lead' }, 'draft'],
    ['the department makes its own small edits while reviewing (良)', { status: 'submitted', action: 'save', role: 'department_reviewer' }, 'submitted'],
    ['finance makes its own small edits while reviewing', { status: 'department_approved', action: 'save', role: 'finance_reviewer' }, 'department_approved'],
  ])('%s', (_, request, status) => {
    expect(ask(request)).toEqual({ ok: true, status, notFitForBudget: false });
  });

  it('marks a sheet returned with 差 as not fit for the budget', () => {
    expect(ask({ status: 'submitted', action: 'return', role: 'department_reviewer', comment: '目标与资金不匹配', grade: '差' })).toEqual({ ok: true, status: 'draft', notFitForBudget: true });
  });

  it.each<[string, Partial<TransitionRequest>, 'forbidden' | 'conflict' | 'invalid', string]>([
    ['nobody approves what they submitted', { status: 'submitted', action: 'approve', role: 'department_reviewer', actorSubmittedIt: true }, 'forbidden', '不能审核自己提交的绩效目标'],
    ['a reviewer cannot submit', { status: 'draft', action: 'submit', role: 'department_reviewer' }, 'forbidden', '只有项目负责人可以提交绩效目标'],
    ['finance cannot skip the department', { status: 'submitted', action: 'approve', role: 'finance_reviewer' }, 'forbidden', '当前应由主管部门审核'],
    ['the department cannot give the final approval', { status: 'department_approved', action: 'approve', role: 'department_reviewer' }, 'forbidden', '当前应由财政部门审核'],
    ['a submitted sheet cannot be saved by its lead', { status: 'submitted', action: 'save', role: 'project_lead' }, 'conflict', '绩效目标当前为“已提交”，不能保存'],
    ['finance cannot edit before the department has reviewed', { status: 'submitted', action: 'save', role: 'finance_reviewer' }, 'forbidden', '只有项目负责人或当前审核人可以修改绩效目标'],
    ['nobody edits an approved sheet', { status: 'approved', action: 'save', role: 'finance_reviewer' }, 'forbidden', '只有项目负责人或当前审核人可以修改绩效目标'],
    ['an approved sheet cannot be edited, only adjusted', { status: 'approved', action: 'save', role: 'project_lead' }, 'conflict', '绩效目标当前为“已批复”，不能保存'],
    ['a draft is not under review', { status: 'draft', action: 'approve', role: 'department_reviewer' }, 'conflict', '绩效目标当前为“草稿”，不在审核中'],
    ['only an approved sheet is adjusted', { status: 'submitted', action: 'adjust', role: 'project_lead' }, 'conflict', '只有已批复的绩效目标可以发起调整'],
    ['a return needs a comment', { status: 'submitted', action: 'return', role: 'department_reviewer', comment: ' ' }, 'invalid', '退回时请填写退回意见'],
    ['中 cannot pass', { status: 'submitted', action: 'approve', role: 'department_reviewer', grade: '中' }, 'invalid', '审核结果为“中”时应退回，不能审核通过'],
    ['优 is not a return', { status: 'submitted', action: 'return', role: 'department_reviewer', grade: '优', comment: 'x' }, 'invalid', '审核结果为“优”时应审核通过，不能退回'],
  ])('refuses: %s', (_, request, refusal, message) => {
    expect(ask(request)).toEqual({ ok: false, refusal, message });
  });
});
