import { ChainRequest, decide, statesAwaiting } from '../workflow/review-chain';
import { SheetStatus } from '../workflow/target-sheet-chain';
import { BUDGET_CUT_CHAIN, MONITORING_REPORT_CHAIN } from './monitoring-chain';

const ask = (over: Partial<ChainRequest<SheetStatus>>) => decide(MONITORING_REPORT_CHAIN, { status: 'draft', action: 'submit', role: 'project_lead', isAuthor: true, submittedIt: false, ...over });
const reviewer = { isAuthor: false } as const;

describe('the monitoring report chain (SPEC §12): lead → department → finance', () => {
  it.each<[string, Partial<ChainRequest<SheetStatus>>, SheetStatus]>([
    ['the lead submits', {}, 'submitted'],
    ['the department approves, without a grade', { status: 'submitted', action: 'approve', role: 'department_reviewer', ...reviewer }, 'department_approved'],
    ['finance approves', { status: 'department_approved', action: 'approve', role: 'finance_reviewer', ...reviewer }, 'approved'],
    ['the department returns with a comment', { status: 'submitted', action: 'return', role: 'department_reviewer', comment: '红色预警原因不清', ...reviewer }, 'draft'],
    ['finance returns with a comment', { status: 'department_approved', action: 'return', role: 'finance_reviewer', comment: '执行数与账面不符', ...reviewer }, 'draft'],
  ])('%s', (_, request, status) => {
    expect(ask(request)).toMatchObject({ ok: true, status });
  });

  it.each<[string, Partial<ChainRequest<SheetStatus>>, string]>([
    ['a return needs a comment', { status: 'submitted', action: 'return', role: 'department_reviewer', ...reviewer }, '退回时请填写退回意见'],
    ['nobody approves their own report', { status: 'submitted', action: 'approve', role: 'department_reviewer', isAuthor: false, submittedIt: true }, '不能审核自己提交的绩效运行监控表'],
    ['a reviewer does not edit a report', { status: 'submitted', action: 'save', role: 'department_reviewer', ...reviewer }, '只有项目负责人可以保存绩效运行监控表'],
    ['an approved report is not adjusted', { status: 'approved', action: 'adjust' }, '绩效运行监控表不能发起调整'],
  ])('refuses: %s', (_, request, message) => {
    expect(ask(request)).toMatchObject({ ok: false, message });
  });

  it('puts drafts in the lead’s 待办, submissions in the department’s and the department’s approvals in finance’s', () => {
    expect(['project_lead', 'department_reviewer', 'finance_reviewer'].map((r) => statesAwaiting(MONITORING_REPORT_CHAIN, r as never))).toEqual([['draft'], ['submitted'], ['department_approved']]);
  });

  it('sends a budget-cut request from the lead to finance only', () => {
    expect(decide(BUDGET_CUT_CHAIN, { status: 'submitted', action: 'approve', role: 'finance_reviewer', isAuthor: false, submittedIt: false })).toMatchObject({ ok: true, status: 'approved' });
    expect(decide(BUDGET_CUT_CHAIN, { status: 'submitted', action: 'approve', role: 'department_reviewer', isAuthor: false, submittedIt: false })).toMatchObject({ ok: false, refusal: 'forbidden' });
  });
});
