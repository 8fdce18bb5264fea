import { ChainRow, ReviewChain } from './review-chain';
import { SHEET_STATUS_LABELS, SHEET_STATUSES, SheetStatus } from './target-sheet-chain';

/**
 * The chain of a document the lead files and both reviews pass (SPEC §12): lead → department →
 * finance; either review returns it to draft with a comment; nobody approves their own submission.
 * Monitoring reports and self-evaluations are on it; a kind may add rows (overrides).
 */
export function leadDepartmentFinanceChain(kind: string, noun: string, extra: readonly ChainRow<SheetStatus>[] = []): ReviewChain<SheetStatus> {
  return {
    kind,
    noun,
    states: SHEET_STATUSES,
    labels: SHEET_STATUS_LABELS,
    rows: [
      { action: 'save', from: 'draft', role: 'project_lead', as: 'author', to: 'draft', rule: '项目负责人填报本单位的草稿' },
      { action: 'import', from: 'draft', role: 'project_lead', as: 'author', to: 'draft', rule: '项目负责人导入填好的表' },
      { action: 'submit', from: 'draft', role: 'project_lead', as: 'author', to: 'submitted', effects: ['submitted'], rule: '项目负责人提交主管部门审核' },
      { action: 'approve', from: 'submitted', role: 'department_reviewer', as: 'reviewer', to: 'department_approved', rule: '主管部门审核通过，送财政' },
      { action: 'return', from: 'submitted', role: 'department_reviewer', as: 'reviewer', to: 'draft', comment: true, effects: ['returned'], rule: '主管部门退回，须写意见' },
      { action: 'approve', from: 'department_approved', role: 'finance_reviewer', as: 'reviewer', to: 'approved', effects: ['inForce'], rule: '财政审核通过' },
      { action: 'return', from: 'department_approved', role: 'finance_reviewer', as: 'reviewer', to: 'draft', comment: true, effects: ['returned'], rule: '财政退回，须写意见' },
      ...extra,
    ],
  };
}
