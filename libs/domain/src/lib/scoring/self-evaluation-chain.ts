import { ReviewChain } from '../workflow/review-chain';
import { leadDepartmentFinanceChain } from '../workflow/report-chain';

/**
 * 项目支出绩效自评表 (SPEC §6, §12): the lead files it, the department and then finance review it;
 * the reviewer whose turn it is may override one computed score with a written reason.
 */
export const SELF_EVALUATION_CHAIN = leadDepartmentFinanceChain('self_evaluation', '项目支出绩效自评表', [
  { action: 'override', from: 'submitted', role: 'department_reviewer', as: 'reviewer', to: 'submitted', comment: true, rule: '主管部门审核时可调整一项得分，须写明理由' },
  { action: 'override', from: 'department_approved', role: 'finance_reviewer', as: 'reviewer', to: 'department_approved', comment: true, rule: '财政审核时可调整一项得分，须写明理由' },
]);

export const DEPARTMENT_SELF_EVALUATION_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type DepartmentSelfEvaluationStatus = (typeof DEPARTMENT_SELF_EVALUATION_STATUSES)[number];

/** 部门整体支出绩效自评表: filed by the department, approved by finance. */
export const DEPARTMENT_SELF_EVALUATION_CHAIN: ReviewChain<DepartmentSelfEvaluationStatus> = {
  kind: 'department_self_evaluation',
  noun: '部门整体支出绩效自评表',
  states: DEPARTMENT_SELF_EVALUATION_STATUSES,
  labels: { draft: '草稿', submitted: '待财政审核', approved: '已审核' },
  rows: [
    { action: 'save', from: 'draft', role: 'department_reviewer', as: 'author', to: 'draft', rule: '主管部门填报本部门的自评表' },
    { action: 'submit', from: 'draft', role: 'department_reviewer', as: 'author', to: 'submitted', effects: ['submitted'], rule: '主管部门提交财政审核' },
    { action: 'approve', from: 'submitted', role: 'finance_reviewer', as: 'reviewer', to: 'approved', effects: ['inForce'], rule: '财政审核通过' },
    { action: 'return', from: 'submitted', role: 'finance_reviewer', as: 'reviewer', to: 'draft', comment: true, effects: ['returned'], rule: '财政退回，须写意见' },
  ],
};
