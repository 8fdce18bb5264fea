import { Role } from '../access/roles';

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

export const SHEET_ACTIONS = ['save', 'submit', 'approve', 'return', 'adjust'] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

export const SHEET_ACTION_LABELS: Record<SheetAction, string> = {
  save: '保存',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  adjust: '发起调整',
};

/** Review result: 优 passes; 良 passes after the reviewer's own small edits; 中 returns; 差 returns, not fit for the budget. */
export const REVIEW_GRADES = ['优', '良', '中', '差'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

/** 完整性, 相关性, 适当性, 可行性 — each rated with a grade. */
export const REVIEW_RATINGS = ['完整性', '相关性', '适当性', '可行性'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export interface TransitionRequest {
  status: SheetStatus;
  action: SheetAction;
  role: Role;
  /** The one asking is the one who submitted the version under review. */
  actorSubmittedIt: boolean;
  comment?: string | null;
  grade?: ReviewGrade | null;
}

export type TransitionResult =
  | { ok: true; status: SheetStatus; notFitForBudget: boolean }
  | { ok: false; refusal: 'forbidden' | 'conflict' | 'invalid'; message: string };

const refuse = (refusal: 'forbidden' | 'conflict' | 'invalid', message: string): TransitionResult => ({ ok: false, refusal, message });

/** Which role acts at which stage of review. */
const REVIEWER_OF: Partial<Record<SheetStatus, { role: Role; next: SheetStatus }>> = {
  submitted: { role: 'department_reviewer', next: 'department_approved' },
  department_approved: { role: 'finance_reviewer', next: 'approved' },
};

export function transition(request: TransitionRequest): TransitionResult {
  const { status, action, role } = request;
  const label = SHEET_STATUS_LABELS[status];
  switch (action) {
    case 'save':
      // 良: the reviewer whose turn it is may make small edits of their own before passing it
      if (REVIEWER_OF[status]?.role === role) return { ok: true, status, notFitForBudget: false };
      if (role !== 'project_lead') return refuse('forbidden', '只有项目负责人或当前审核人可以修改绩效目标');
      if (status !== 'draft') return refuse('conflict', `绩效目标当前为“${label}”，不能保存`);
      return { ok: true, status: 'draft', notFitForBudget: false };
    case 'submit':
      if (role !== 'project_lead') return refuse('forbidden', `只有项目负责人可以${SHEET_ACTION_LABELS[action]}绩效目标`);
      if (status !== 'draft') return refuse('conflict', `绩效目标当前为“${label}”，不能${SHEET_ACTION_LABELS[action]}`);
      return { ok: true, status: action === 'submit' ? 'submitted' : 'draft', notFitForBudget: false };
    case 'adjust':
      if (role !== 'project_lead') return refuse('forbidden', '只有项目负责人可以发起调整');
      if (status !== 'approved') return refuse('conflict', '只有已批复的绩效目标可以发起调整');
      return { ok: true, status: 'draft', notFitForBudget: false };
    case 'approve':
    case 'return': {
      const stage = REVIEWER_OF[status];
      if (!stage) return refuse('conflict', `绩效目标当前为“${label}”，不在审核中`);
      if (role !== stage.role) return refuse('forbidden', `当前应由${stage.role === 'department_reviewer' ? '主管部门' : '财政部门'}审核`);
      if (request.actorSubmittedIt) return refuse('forbidden', '不能审核自己提交的绩效目标');
      const grade = request.grade ?? null;
      if (action === 'approve') {
        if (grade === '中' || grade === '差') return refuse('invalid', `审核结果为“${grade}”时应退回，不能审核通过`);
        return { ok: true, status: stage.next, notFitForBudget: false };
      }
      if (!request.comment?.trim()) return refuse('invalid', '退回时请填写退回意见');
      if (grade === '优' || grade === '良') return refuse('invalid', `审核结果为“${grade}”时应审核通过，不能退回`);
      return { ok: true, status: 'draft', notFitForBudget: grade === '差' };
    }
  }
}

/** What waits for whom: the status a role acts on. */
export function statusAwaiting(role: Role): SheetStatus | null {
  if (role === 'project_lead') return 'draft';
  if (role === 'department_reviewer') return 'submitted';
  if (role === 'finance_reviewer') return 'department_approved';
  return null;
}
