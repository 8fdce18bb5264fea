import type { BudgetCutStatus, DepartmentTargetStatus, SheetStatus } from '@pm/domain';

interface InboxItemBase {
  fiscalYear: number;
  /** The unit of a project, or the department itself. */
  unitName: string;
  /** Why it waits for this user: 待填报, 被退回, 待审核. */
  reason: string;
  since: string;
  deadline: string | null;
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
