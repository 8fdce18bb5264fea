import type { Funds, MidTermPlan } from './projects';
import type { Comparator, ImportedIndicator, IndicatorKind, ReviewGrade, RowChange, SettingsProfile, SheetCheck, SheetStatus } from '@pm/domain';

/** One 三级 row as SPEC §11 names it; decimals are strings. The importer reads the same shape. */
export type TargetIndicatorDto = ImportedIndicator;

export interface LevelWeightsDto {
  level1?: Record<string, string>;
  level2?: Record<string, string>;
}

export interface TargetSheetDto {
  projectId: string;
  /** 0 until the sheet is first saved. */
  version: number;
  status: SheetStatus;
  isAdjustment: boolean;
  notFitForBudget: boolean;
  indicators: TargetIndicatorDto[];
  levelWeights: LevelWeightsDto;
  checks: SheetCheck[];
  /** What changed since the last return, and what the reviewer said then. */
  sinceReturn: { comment: string | null; rowComments: { row: number; message: string }[]; changes: RowChange[] } | null;
  /** During an adjustment, the approved version that stays in force. */
  inForceVersion: number | null;
  /** The fiscal year's settings profile the checks were run with. */
  profile: SettingsProfile;
}

/** The project's annual overall goal and funds, which are part of the sheet. */
export interface SheetProjectPart {
  overallGoal: string;
  funds: Funds;
  midTerm?: Partial<MidTermPlan>;
}

export interface SaveTargetSheetRequest {
  version: number;
  indicators: TargetIndicatorDto[];
  levelWeights?: LevelWeightsDto;
  project?: SheetProjectPart;
}

export interface SheetTransitionRequest {
  version?: number;
  comment?: string;
  reviewGrade?: ReviewGrade;
  ratings?: Record<string, ReviewGrade>;
  rowComments?: { row: number; message: string }[];
}

export interface SheetVersionDto {
  number: number;
  action: string;
  statusAfter: SheetStatus;
  actor: { id: string; displayName: string; role: string };
  at: string;
  comment: string | null;
  reviewGrade: ReviewGrade | null;
  ratings: Record<string, string> | null;
  rowComments: { row: number; message: string }[] | null;
}

export interface SheetCompareDto {
  from: number;
  to: number;
  changes: RowChange[];
}

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
  status: import('@pm/domain').DepartmentTargetStatus;
}

export type InboxItem = TargetSheetInboxItem | DepartmentTargetInboxItem;

export interface InboxResponse {
  items: InboxItem[];
  total: number;
}

export interface AuditEntryDto {
  at: string;
  actor: string | null;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** An entry of the indicator library: 共性 (organizationId null, curated by finance) or a department's 个性. */
export interface LibraryEntryDto {
  id: string;
  scope: '共性' | '个性';
  organizationId: string | null;
  level1: string;
  level2: string;
  name: string;
  comparator: Comparator | null;
  unit: string;
  kind: IndicatorKind;
  content: string;
}

export type CreateLibraryEntryRequest = Omit<LibraryEntryDto, 'id' | 'scope' | 'organizationId'>;

/** 部门整体绩效目标表 (SPEC §2), as read and saved. */
export interface DepartmentTargetDto {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  version: number;
  status: import('@pm/domain').DepartmentTargetStatus;
  duties: string[];
  tasks: { name: string; content: string }[];
  budget: import('@pm/domain').DepartmentBudget;
  indicators: TargetIndicatorDto[];
  lastComment: string | null;
  checks: SheetCheck[];
  /** The settings profile of the fiscal year, so the browser runs the same checks. */
  profile: import('@pm/domain').SettingsProfile;
}

/** A department's overall target for a year, as listed; `version` 0 means not started. */
export interface DepartmentTargetSummaryDto {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  status: import('@pm/domain').DepartmentTargetStatus;
  version: number;
  returned: boolean;
  updatedAt: string | null;
}

export type SaveDepartmentTargetRequest = Pick<DepartmentTargetDto, 'version' | 'duties' | 'tasks' | 'budget' | 'indicators'>;
