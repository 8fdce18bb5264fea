import type { BudgetCutStatus, DepartmentTargetStatus, InboxStage, ReviewGrade, SheetStatus } from '@pm/domain';

interface InboxItemBase {
  fiscalYear: number;
  /** The unit of a project, or the department itself. */
  unitName: string;
  /** Why it waits for this user: 待填报, 被退回, 待审核. */
  reason: string;
  /** 待填报 / 被退回 / 待审核 / 待批复, as a code (`INBOX_STAGE_LABELS` gives the words). */
  stage: InboxStage;
  since: string;
  deadline: string | null;
  /** The deadline has passed (in China's time) and it still waits. */
  overdue: boolean;
}

export interface TargetSheetInboxItem extends InboxItemBase {
  kind: 'target_sheet';
  projectId: string;
  projectName: string;
  status: SheetStatus;
}

export interface DepartmentTargetInboxItem extends InboxItemBase {
  kind: 'department_target';
  departmentId: string;
  status: DepartmentTargetStatus;
}

/** A 绩效运行监控表 to file or review; its deadline is the round's. */
export interface MonitoringReportInboxItem extends InboxItemBase {
  kind: 'monitoring_report';
  reportId: string;
  projectId: string;
  projectName: string;
  roundId: string;
  cutoffDate: string;
  status: SheetStatus;
}

/** 调减预算申请 waiting for finance, or returned to its lead. */
export interface BudgetCutInboxItem extends InboxItemBase {
  kind: 'budget_cut';
  budgetCutId: string;
  reportId: string;
  projectId: string;
  projectName: string;
  status: BudgetCutStatus;
}

/** A 项目支出绩效自评表 to fill or review; its deadline is the round's. */
export interface SelfEvaluationInboxItem extends InboxItemBase {
  kind: 'self_evaluation';
  selfEvaluationId: string;
  projectId: string;
  projectName: string;
  status: SheetStatus;
}

/** A department's 部门整体支出绩效自评表 to fill or review. */
export interface DepartmentSelfEvaluationInboxItem extends InboxItemBase {
  kind: 'department_self_evaluation';
  departmentId: string;
  status: 'draft' | 'submitted' | 'approved';
}

export type InboxItem = TargetSheetInboxItem | DepartmentTargetInboxItem | MonitoringReportInboxItem | BudgetCutInboxItem | SelfEvaluationInboxItem | DepartmentSelfEvaluationInboxItem;

export interface InboxResponse {
  items: InboxItem[];
  total: number;
}

/** The kinds a reviewer can approve several of at once from the 待办. */
export type BatchApprovalKind = 'target_sheet' | 'monitoring_report' | 'self_evaluation';

/**
 * 批量审核: one grade and comment for several documents; each is still its own transition, version
 * snapshot and audit entry. `id` is the item's projectId (target sheet), reportId or selfEvaluationId.
 */
export interface BatchApprovalRequest {
  items: { kind: BatchApprovalKind; id: string }[];
  comment?: string;
  /** 优 or 良, for target sheets (reports and self-evaluations take none). */
  reviewGrade?: ReviewGrade;
  ratings?: Record<string, ReviewGrade>;
}

export interface BatchApprovalResult {
  kind: BatchApprovalKind;
  id: string;
  ok: boolean;
  /** The state it moved to, when it did. */
  status: string | null;
  /** Why it was refused, as the single approval would say it. */
  message: string | null;
}

export interface BatchApprovalResponse {
  approved: number;
  refused: number;
  results: BatchApprovalResult[];
}
