import { allowedActions, ChainRequest, decide, statesAwaiting } from './review-chain';
import { SheetStatus, TARGET_SHEET_CHAIN } from './target-sheet-chain';

const ask = (over: Partial<ChainRequest<SheetStatus>>) =>
  decide(TARGET_SHEET_CHAIN, { status: 'draft', action: 'submit', role: 'project_lead', isAuthor: true, submittedIt: false, ...over });
const reviewer = { isAuthor: false } as const;

describe('the target sheet chain (SPEC §4)', () => {
  it.each<[string, Partial<ChainRequest<SheetStatus>>, SheetStatus, string[]]>([
    ['a lead saves a draft', { action: 'save' }, 'draft', []],
    ['a lead submits a draft', { action: 'submit' }, 'submitted', ['submitted']],
    ['a lead imports over their own draft', { action: 'import' }, 'draft', []],
    ['the department makes its own small edits while reviewing (良)', { status: 'submitted', action: 'save', role: 'department_reviewer', ...reviewer }, 'submitted', []],
    ['the department approves a submission (优)', { status: 'submitted', action: 'approve', role: 'department_reviewer', grade: '优', ...reviewer }, 'department_approved', []],
    ['the department approves after its own edits (良)', { status: 'submitted', action: 'approve', role: 'department_reviewer', grade: '良', ...reviewer }, 'department_approved', []],
    ['the department returns for rework (中) with a comment', { status: 'submitted', action: 'return', role: 'department_reviewer', grade: '中', comment: '指标不够细化', ...reviewer }, 'draft', ['returned']],
    ['a return with 差 marks the sheet not fit for the budget', { status: 'submitted', action: 'return', role: 'department_reviewer', grade: '差', comment: '目标与资金不匹配', ...reviewer }, 'draft', ['returned', 'notFitForBudget']],
    ['finance makes its own small edits while reviewing', { status: 'department_approved', action: 'save', role: 'finance_reviewer', ...reviewer }, 'department_approved', []],
    ['finance gives the final approval, which puts the version in force', { status: 'department_approved', action: 'approve', role: 'finance_reviewer', grade: '优', ...reviewer }, 'approved', ['inForce']],
    ['finance returns with a comment', { status: 'department_approved', action: 'return', role: 'finance_reviewer', grade: '中', comment: '成本指标缺失', ...reviewer }, 'draft', ['returned']],
    ['a lead starts an adjustment of an approved sheet', { status: 'approved', action: 'adjust' }, 'draft', ['reopened']],
  ])('%s', (_, request, status, effects) => {
    expect(ask(request)).toMatchObject({ ok: true, status, effects });
  });

  it.each<[string, Partial<ChainRequest<SheetStatus>>, 'forbidden' | 'conflict' | 'invalid', string]>([
    ['nobody approves what they submitted', { status: 'submitted', action: 'approve', role: 'department_reviewer', grade: '优', isAuthor: false, submittedIt: true }, 'forbidden', '不能审核自己提交的绩效目标'],
    ['a reviewer cannot submit', { action: 'submit', role: 'department_reviewer', ...reviewer }, 'forbidden', '只有项目负责人可以提交绩效目标'],
    ['a lead of another unit cannot submit', { action: 'submit', isAuthor: false }, 'forbidden', '您只能为本单位办理此项业务'],
    ['finance cannot skip the department', { status: 'submitted', action: 'approve', role: 'finance_reviewer', grade: '优', ...reviewer }, 'forbidden', '当前应由主管部门审核'],
    ['the department cannot give the final approval', { status: 'department_approved', action: 'approve', role: 'department_reviewer', grade: '优', ...reviewer }, 'forbidden', '当前应由财政部门审核'],
    ['a submitted sheet cannot be saved by its lead', { status: 'submitted', action: 'save' }, 'conflict', '绩效目标当前为“已提交”，不能保存'],
    ['a reviewer cannot edit a draft', { status: 'draft', action: 'save', role: 'department_reviewer', ...reviewer }, 'forbidden', '绩效目标为“草稿”时只能由项目负责人保存'],
    ['a reviewer cannot import over a draft', { status: 'draft', action: 'import', role: 'department_reviewer', ...reviewer }, 'forbidden', '只有项目负责人可以导入覆盖绩效目标'],
    ['finance cannot edit before the department has reviewed', { status: 'submitted', action: 'save', role: 'finance_reviewer', ...reviewer }, 'forbidden', '当前应由主管部门审核'],
    ['nobody edits an approved sheet', { status: 'approved', action: 'save', role: 'finance_reviewer', ...reviewer }, 'conflict', '绩效目标当前为“已批复”，不在审核中'],
    ['an approved sheet cannot be edited, only adjusted', { status: 'approved', action: 'save' }, 'conflict', '绩效目标当前为“已批复”，不能保存'],
    ['a draft is not under review', { status: 'draft', action: 'approve', role: 'department_reviewer', grade: '优', ...reviewer }, 'conflict', '绩效目标当前为“草稿”，不在审核中'],
    ['an approved sheet is not under review', { status: 'approved', action: 'return', role: 'finance_reviewer', grade: '中', comment: 'x', ...reviewer }, 'conflict', '绩效目标当前为“已批复”，不在审核中'],
    ['only an approved sheet is adjusted', { status: 'submitted', action: 'adjust' }, 'conflict', '绩效目标当前为“已提交”，不能发起调整'],
    ['a reviewer cannot start an adjustment', { status: 'approved', action: 'adjust', role: 'department_reviewer', ...reviewer }, 'forbidden', '只有项目负责人可以发起调整绩效目标'],
    ['an approval needs a grade', { status: 'submitted', action: 'approve', role: 'department_reviewer', ...reviewer }, 'invalid', '请选择审核结果（审核通过时为优或良）'],
    ['a return needs a grade', { status: 'submitted', action: 'return', role: 'department_reviewer', comment: '请补充', ...reviewer }, 'invalid', '请选择审核结果（退回时为中或差）'],
    ['a return needs a comment', { status: 'submitted', action: 'return', role: 'department_reviewer', grade: '中', comment: ' ', ...reviewer }, 'invalid', '退回时请填写退回意见'],
    ['中 cannot pass', { status: 'submitted', action: 'approve', role: 'department_reviewer', grade: '中', ...reviewer }, 'invalid', '审核结果为“中”时应退回，不能审核通过'],
    ['优 is not a return', { status: 'submitted', action: 'return', role: 'department_reviewer', grade: '优', comment: 'x', ...reviewer }, 'invalid', '审核结果为“优”时应审核通过，不能退回'],
  ])('refuses: %s', (_, request, refusal, message) => {
    expect(ask(request)).toEqual({ ok: false, refusal, message });
  });

  it.each<[string, Partial<ChainRequest<SheetStatus>>, string[]]>([
    ['the lead of a draft', {}, ['save', 'import', 'submit']],
    ['the lead of a submitted sheet', { status: 'submitted' }, []],
    ['the lead of an approved sheet', { status: 'approved' }, ['adjust']],
    ['the department on a submission', { status: 'submitted', role: 'department_reviewer', isAuthor: false }, ['save', 'approve', 'return']],
    ['the department on its own submission', { status: 'submitted', role: 'department_reviewer', isAuthor: false, submittedIt: true }, []],
    ['finance on a submission the department has not reviewed', { status: 'submitted', role: 'finance_reviewer', isAuthor: false }, []],
  ])('offers %s exactly the buttons the chain allows', (_, actor, actions) => {
    expect(allowedActions(TARGET_SHEET_CHAIN, { status: 'draft', role: 'project_lead', isAuthor: true, submittedIt: false, ...actor })).toEqual(actions);
  });

  it.each([
    ['project_lead', ['draft']],
    ['department_reviewer', ['submitted']],
    ['finance_reviewer', ['department_approved']],
    ['admin', []],
  ] as const)('lists in the 待办 of %s the sheets in %j', (role, states) => {
    expect(statesAwaiting(TARGET_SHEET_CHAIN, role)).toEqual(states);
  });
});
