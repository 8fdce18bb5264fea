import { ReviewChain, ReviewGrade } from './review-chain';

/**
 * The life of a target sheet (SPEC §4): 草稿 → 已提交 → 主管部门已审核 → 已批复; either review may
 * return it to draft with a comment. After approval it changes only through an adjustment (调整),
 * a new draft that goes through the same chain while the approved version stays in force.
 */
export const SHEET_STATUSES = ['draft', 'submitted', 'department_approved', 'approved'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

export const SHEET_STATUS_LABELS: Record<SheetStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  department_approved: '主管部门已审核',
  approved: '已批复',
};

const PASS: readonly ReviewGrade[] = ['优', '良'];

export const TARGET_SHEET_CHAIN: ReviewChain<SheetStatus> = {
  kind: 'target_sheet',
  noun: '绩效目标',
  states: SHEET_STATUSES,
  labels: SHEET_STATUS_LABELS,
  rows: [
    { action: 'save', from: 'draft', role: 'project_lead', as: 'author', to: 'draft', rule: '项目负责人编辑本单位的草稿' },
    { action: 'import', from: 'draft', role: 'project_lead', as: 'author', to: 'draft', rule: '导入覆盖已有草稿只能由项目负责人办理' },
    { action: 'submit', from: 'draft', role: 'project_lead', as: 'author', to: 'submitted', effects: ['submitted'], rule: '项目负责人提交主管部门审核' },
    { action: 'save', from: 'submitted', role: 'department_reviewer', as: 'reviewer', to: 'submitted', rule: '主管部门审核时可自行作少量修改（良），记为审核人所作' },
    { action: 'approve', from: 'submitted', role: 'department_reviewer', as: 'reviewer', to: 'department_approved', grades: PASS, gradeRequired: true, rule: '主管部门审核通过（优 / 良），送财政' },
    { action: 'return', from: 'submitted', role: 'department_reviewer', as: 'reviewer', to: 'draft', grades: ['中'], gradeRequired: true, comment: true, effects: ['returned'], rule: '主管部门退回修改（中），须写意见' },
    { action: 'return', from: 'submitted', role: 'department_reviewer', as: 'reviewer', to: 'draft', grades: ['差'], gradeRequired: true, comment: true, effects: ['returned', 'notFitForBudget'], rule: '主管部门退回（差），标记不予安排预算' },
    { action: 'save', from: 'department_approved', role: 'finance_reviewer', as: 'reviewer', to: 'department_approved', rule: '财政审核时可自行作少量修改（良）' },
    { action: 'approve', from: 'department_approved', role: 'finance_reviewer', as: 'reviewer', to: 'approved', grades: PASS, gradeRequired: true, effects: ['inForce'], rule: '财政批复（优 / 良），该版本生效' },
    { action: 'return', from: 'department_approved', role: 'finance_reviewer', as: 'reviewer', to: 'draft', grades: ['中'], gradeRequired: true, comment: true, effects: ['returned'], rule: '财政退回修改（中），须写意见' },
    { action: 'return', from: 'department_approved', role: 'finance_reviewer', as: 'reviewer', to: 'draft', grades: ['差'], gradeRequired: true, comment: true, effects: ['returned', 'notFitForBudget'], rule: '财政退回（差），标记不予安排预算' },
    { action: 'adjust', from: 'approved', role: 'project_lead', as: 'author', to: 'draft', effects: ['reopened'], rule: '已批复的目标只能通过调整修改，原批复版本在调整批复前继续有效' },
  ],
};
