import type { ChainAction, Explanation, Grade, IntegrityFlag, ScoringParameters, SheetCheck, SheetStatus, WhatIfChange } from '@pm/domain';
import type { EvidenceFileDto } from './monitoring';
import type { RowCommentDto } from './review';

/** `POST /api/self-evaluation-rounds` (SPEC §12). */
export interface OpenSelfEvaluationRoundRequest {
  fiscalYear: number;
  deadline: string;
}

export interface SelfEvaluationRoundDto {
  id: string;
  fiscalYear: number;
  deadline: string;
  /** How many self-evaluations the round holds. */
  evaluations: number;
}

export interface SelfEvaluationListItem {
  id: string;
  projectId: string;
  projectName: string;
  unitName: string;
  status: SheetStatus;
  total: string | null;
  grade: Grade | null;
  flags: IntegrityFlag[];
}

export interface ScoreOverrideDto {
  score: string;
  reason: string;
  by: string;
  at: string;
}

export interface SelfEvaluationIndicatorDto {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  kind: string;
  weight: string | null;
  scoringRule: string;
  /** How it is scored: by ratio to its target, by tier (定性 / 按评判等级赋分), or all-or-nothing. */
  scoringMethod: 'ratio' | 'tier' | 'direct';
  /** For tier scoring: each tier's range of points for this weight (`6.00–8.00（不含 8.00）`). */
  tierRanges: { tier: string; from: string; to: string; includesTo: boolean; words: string }[] | null;
  evidenceRequired: string;
  /** 全年预计完成值 of the project's latest monitoring report. */
  forecast: string | null;
  actual: string | null;
  tier: string | null;
  tierScore: string | null;
  applicable: boolean;
  /** The score in force: the override when there is one. */
  score: string | null;
  computedScore: string | null;
  override: ScoreOverrideDto | null;
  deviationNote: string;
  needsDeviationNote: boolean;
  explanation: Explanation | null;
}

export interface SelfEvaluationDto {
  id: string;
  version: number;
  status: SheetStatus;
  projectId: string;
  projectName: string;
  unitName: string;
  /** 主管部门 of the unit. */
  departmentName: string;
  fiscalYear: number;
  /** The scoring parameters this evaluation keeps (the profile it was opened or rescored with), so the browser scores as the server does. */
  parameters: ScoringParameters;
  roundId: string | null;
  deadline: string | null;
  profile: { id: string | null; name: string };
  budget: { initial: string; adjustment: string | null; annual: string; executed: string | null; rate: string | null; weight: string; score: string; explanation: Explanation };
  goal: string;
  goalActual: string;
  indicators: SelfEvaluationIndicatorDto[];
  total: string;
  grade: Grade;
  gradeExplanation: Explanation;
  checks: SheetCheck[];
  flags: (IntegrityFlag & { dismissed: { reason: string; by: string; at: string } | null })[];
  actions: ChainAction[];
  sinceReturn: { comment: string | null; rowComments: RowCommentDto[] } | null;
  evidence: EvidenceFileDto[];
  missingEvidence: string[];
  /** For a past year imported from its published tables: the published 总分 and 等级. */
  published: { total: string | null; grade: string | null } | null;
}

export interface SaveSelfEvaluationRequest {
  version: number;
  budget: { executed: string | null; adjustment: string | null };
  goalActual?: string;
  indicators: { indicatorId: string; actual?: string | null; tier?: string | null; score?: string | null; applicable?: boolean; deviationNote?: string }[];
}

export interface OverrideRequest {
  indicatorId: string;
  score: string;
  reason: string;
}

export interface WhatIfResponse {
  fiscalYear: number;
  evaluations: number;
  changes: WhatIfChange[];
  /** Grades before and after, for the distribution chart. */
  grades: { from: Record<Grade, number>; to: Record<Grade, number> };
}

/** 部门整体支出绩效自评表 (SPEC §6): `GET/PUT /api/departments/:departmentId/self-evaluation/:year`. */
export interface DepartmentSelfEvaluationDto {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  /** 0 until first saved: the content is then prefilled from the approved overall target and the projects' 自评表. */
  version: number;
  status: 'draft' | 'submitted' | 'approved';
  /** 预算确定数 = 年初预算数 + 预算调整数, and 执行率; `executed` is '' until filled. */
  budget: Record<'basic' | 'project' | 'total', import('@pm/domain').BudgetLine>;
  /** What the department's projects' 自评表 add up to (年初预算数, 调整, 全年执行数), to check 项目支出 against. */
  fromProjects: { initial: string; adjustment: string; executed: string; evaluations: number };
  duties: { duty: string; result: string }[];
  indicators: import('@pm/domain').DepartmentIndicatorResult[];
  notes: string;
  /** Whether the department's overall target of the year is approved (the source of the goals and indicators). */
  targetApproved: boolean;
  lastComment: string | null;
  checks: SheetCheck[];
  actions: ChainAction[];
}

export interface SaveDepartmentSelfEvaluationRequest {
  version: number;
  budget: { basic: { initial: string; adjustment: string; executed: string }; project: { initial: string; adjustment: string; executed: string } };
  duties: { duty: string; result: string }[];
  indicators: { id: string; actual: string | null; deviationNote: string }[];
  notes?: string;
}

/** `GET /api/department-self-evaluations?fiscalYear=`: one row per department in scope. */
export interface DepartmentSelfEvaluationListItem {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  /** null while the department has not started its table. */
  status: 'draft' | 'submitted' | 'approved' | null;
  /** 执行率 of the whole budget, percent with 2 decimals. */
  rate: string | null;
}

/** `POST /api/self-evaluations/:id/import?dryRun=`: a 自评表 filled in Excel, back into the open evaluation. */
export interface SelfEvaluationWorkbookImportResult {
  dryRun: boolean;
  /** Rows whose values the workbook changes. */
  changed: number;
  evaluation: SelfEvaluationDto;
}

/** `GET /api/self-evaluations/summary?fiscalYear=`: the finance results dashboard. */
export interface SelfEvaluationSummaryDto {
  fiscalYear: number;
  evaluations: number;
  /** Scored (filed at least once) evaluations per department, by grade; `unfiled` not yet saved. */
  byDepartment: { departmentId: string; departmentName: string; grades: Record<Grade, number>; unfiled: number; flagged: number }[];
  /** Evaluations with at least one integrity flag (all of them, not only the plotted points). */
  flagged: number;
  /** Totals in bands of 10 points: `[0,60)`, `[60,70)`, … `[90,100]`. */
  distribution: { from: number; to: number; count: number }[];
  /** Budget execution rate (percent) against total, at most 2,000 points (the highest-flagged first). */
  points: { id: string; projectName: string; rate: string | null; total: string; grade: Grade; flagged: boolean }[];
}

/** `POST /api/settings-profiles/:id/rescore` `{ fiscalYear }`: drafts only, audited. */
export interface RescoreResponse {
  fiscalYear: number;
  rescored: number;
  /** Submitted or approved evaluations, left as they were. */
  kept: number;
}
