import type { Funds, MidTermPlan } from './projects';
import type { ChainAction, Comparator, ImportedIndicator, IndicatorKind, RowChange, SettingsProfile, SheetCheck, SheetStatus } from '@pm/domain';
import type { DocumentVersionDto, ReviewRequest, RowCommentDto } from './review';

/**
 * One 三级 row as SPEC §11 names it; decimals are strings. The importer reads the same shape.
 * `id` is the indicator's stable identity: always answered; in a PUT, a row with an existing id
 * keeps it, a row without one is new.
 */
export type TargetIndicatorDto = ImportedIndicator & { id?: string };

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
  sinceReturn: { comment: string | null; rowComments: RowCommentDto[]; changes: RowChange[] } | null;
  /** During an adjustment, the approved version that stays in force. */
  inForceVersion: number | null;
  /** The fiscal year's settings profile the checks were run with. */
  profile: SettingsProfile;
  /** What the review chain lets the signed-in user do now. */
  actions: ChainAction[];
  /** An adjustment started from a red monitoring report: that report and its red indicators. */
  adjustmentSource: { reportId: string; cutoffDate: string; indicatorIds: string[] } | null;
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

/** The review chain's request and history, named as the sheet routes have always named them. */
export type SheetTransitionRequest = ReviewRequest;
export type SheetVersionDto = DocumentVersionDto;

export interface SheetCompareDto {
  from: number;
  to: number;
  changes: RowChange[];
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
  /** The same entry in words (`@pm/domain` describeAuditEntry): 提交, 绩效目标表, 指标值 30；分值 25. */
  actionLabel: string;
  entityLabel: string;
  fieldLabel: string | null;
  /** The record by name: the project, the department or unit, the layout, the profile, the round. */
  objectName: string | null;
  /** The organisation the entry belongs to (the unit or department), when it has one. */
  organizationName: string | null;
  oldText: string | null;
  newText: string | null;
}

/** Filters of GET /api/audit and /api/audit.xlsx: days (Beijing time) from–to inclusive, actor's and object's names contain. */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  object?: string;
  action?: string;
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
  /** Finance's comment when it returned the target, while it is being reworked. */
  lastComment: string | null;
  checks: SheetCheck[];
  actions: ChainAction[];
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
