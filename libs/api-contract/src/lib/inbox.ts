import type { DepartmentTargetStatus, SheetStatus } from '@pm/domain';

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

export type InboxItem = TargetSheetInboxItem | DepartmentTargetInboxItem;

export interface InboxResponse {
  items: InboxItem[];
  total: number;
}
