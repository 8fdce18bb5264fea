import { ReviewChain } from '../workflow/review-chain';
import { leadDepartmentFinanceChain } from '../workflow/report-chain';

/** 绩效运行监控表 (SPEC §5): filed by the lead, reviewed by the department, then by finance. */
export const MONITORING_REPORT_CHAIN = leadDepartmentFinanceChain('monitoring_report', '绩效运行监控表');

export const BUDGET_CUT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type BudgetCutStatus = (typeof BUDGET_CUT_STATUSES)[number];

/** 调减预算申请: a red report leads the lead to ask finance to cut the project's budget. */
export const BUDGET_CUT_CHAIN: ReviewChain<BudgetCutStatus> = {
  kind: 'budget_cut',
  noun: '调减预算申请',
  states: BUDGET_CUT_STATUSES,
  labels: { draft: '草稿', submitted: '待财政审核', approved: '已同意' },
  rows: [
    { action: 'save', from: 'draft', role: 'project_lead', as: 'author', to: 'draft', rule: '项目负责人填写调减金额与理由' },
    { action: 'submit', from: 'draft', role: 'project_lead', as: 'author', to: 'submitted', effects: ['submitted'], rule: '项目负责人提交财政' },
    { action: 'approve', from: 'submitted', role: 'finance_reviewer', as: 'reviewer', to: 'approved', effects: ['inForce'], rule: '财政同意调减' },
    { action: 'return', from: 'submitted', role: 'finance_reviewer', as: 'reviewer', to: 'draft', comment: true, effects: ['returned'], rule: '财政退回，须写意见' },
  ],
};
