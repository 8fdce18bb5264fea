import type { BudgetCutStatus, ChainAction, Colour, IndicatorKind, SheetCheck, SheetStatus, Warning, WarningRules } from '@pm/domain';
import type { RowCommentDto } from './review';

/** `POST /api/monitoring-rounds` (SPEC §12). */
export interface OpenMonitoringRoundRequest {
  fiscalYear: number;
  /** 截至日期 `2026-07-31`: m = 7. */
  cutoffDate: string;
  deadline: string;
  /** Only the units of these departments report; all when left out. */
  departmentIds?: string[];
}

export interface ColourCounts {
  blue: number;
  green: number;
  yellow: number;
  red: number;
  /** Not filed yet. */
  pending: number;
}

export interface MonitoringRoundDto {
  id: string;
  fiscalYear: number;
  cutoffDate: string;
  cutoffMonth: number;
  deadline: string;
  status: 'open' | 'closed';
  departmentIds: string[] | null;
  profileName: string;
  /** How many reports the round holds (within the caller's scope in lists). */
  reports: number;
  colours: ColourCounts;
}

export interface RoundStatusRequest {
  reason: string;
}

export interface MonitoringReportListItem {
  id: string;
  projectId: string;
  projectCode: string | null;
  projectName: string;
  unitName: string;
  status: SheetStatus;
  /** null until filed. */
  colour: Colour | null;
  version: number;
}

/** A department's line of the round's dashboard. */
export interface RoundDepartmentFigures extends ColourCounts {
  departmentId: string;
  departmentName: string;
  /** Sums of the reports that have filed their execution. */
  annual: string;
  executed: string;
  /** 执行率 of those sums, percent with 2 dp; null while nothing is filed. */
  rate: string | null;
}

export interface RoundDashboardDto {
  round: MonitoringRoundDto;
  /** m/12 as a percent. */
  timeProgress: string;
  colours: ColourCounts;
  departments: RoundDepartmentFigures[];
}

export interface MonitoringBudgetDto {
  /** 全年预算数. */
  annual: string;
  /** 1-m月执行数. */
  executed: string | null;
  /** 执行率 (percent, 2 dp). */
  rate: string | null;
  /** 全年预计执行数. */
  forecast: string | null;
  warning: Warning | null;
}

export interface EvidenceFileDto {
  id: string;
  indicatorId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface MonitoringIndicatorDto {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  kind: IndicatorKind | string;
  weight: string | null;
  /** 佐证资料 the approved sheet names. */
  evidenceRequired: string;
  current: string | null;
  forecast: string | null;
  likelihood: string | null;
  reasons: string[];
  reasonNote: string;
  measures: string;
  warning: Warning | null;
}

export interface MonitoringReportDto {
  id: string;
  version: number;
  status: SheetStatus;
  roundId: string;
  cutoffDate: string;
  cutoffMonth: number;
  deadline: string;
  roundStatus: 'open' | 'closed';
  projectId: string;
  projectCode: string | null;
  projectName: string;
  unitName: string;
  goal: string;
  budget: MonitoringBudgetDto;
  goalProgress: string;
  indicators: MonitoringIndicatorDto[];
  colour: Colour | null;
  checks: SheetCheck[];
  actions: ChainAction[];
  /** The round's parameters, so the browser colours and checks with the same rules. */
  profile: { name: string; warningRules: WarningRules; deviationCategories: string[] };
  sinceReturn: { comment: string | null; rowComments: RowCommentDto[] } | null;
  evidence: EvidenceFileDto[];
  /** Indicators whose 佐证资料 is named and that have no file yet. */
  missingEvidence: string[];
  /** What a red report led to. */
  adjustment: { projectId: string; status: SheetStatus; isAdjustment: boolean } | null;
  budgetCut: BudgetCutDto | null;
}

export interface SaveMonitoringReportRequest {
  version: number;
  budget: { executed: string | null; forecast: string | null };
  goalProgress?: string;
  indicators: { indicatorId: string; current?: string | null; forecast?: string | null; likelihood?: string | null; reasons?: string[]; reasonNote?: string; measures?: string }[];
}

/** One report of a project in each round: the project's trend. */
export interface MonitoringTrendItem {
  id: string;
  roundId: string;
  cutoffDate: string;
  cutoffMonth: number;
  status: SheetStatus;
  colour: Colour | null;
  budgetRate: string | null;
}

export interface BudgetCutRequest {
  amount: string;
  reason: string;
}

export interface BudgetCutDto {
  id: string;
  reportId: string;
  projectId: string;
  projectName: string;
  amount: string;
  reason: string;
  status: BudgetCutStatus;
  version: number;
  lastComment: string | null;
  actions: ChainAction[];
}
