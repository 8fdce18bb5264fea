import { DepartmentSelfEvaluationDto, FiscalYearDto, SaveDepartmentSelfEvaluationRequest, SettingsProfileDto, TargetIndicatorDto } from '@pm/api-contract';
import { assessDepartmentSelfEvaluation, BudgetLine, BudgetLineInput, decimalOf, DEFAULT_PROFILE, DepartmentSelfEvaluationContent, ScoringParameters, scoringParametersOf, SheetCheck } from '@pm/domain';
import Decimal from 'decimal.js';
import { DEPARTMENT_COLUMNS, GridColumn } from '../../../shared/indicator-grid/grid-columns';
import { amountOf, definitionRow } from '../evaluation-form';

export type BudgetPart = 'basic' | 'project';
export type BudgetField = keyof BudgetLineInput;

/** What the department types until it is saved: the two budget lines, each goal's result, each indicator's result, the notes. */
export interface DepartmentFormInput {
  budget: Record<BudgetPart, BudgetLineInput>;
  duties: { duty: string; result: string }[];
  indicators: { actual: string; deviationNote: string }[];
  notes: string;
}

/** The figures of what is typed: the three budget lines, the checks, and the rows that need a 偏差原因 (filled or not). */
export interface DepartmentFigures {
  budget: Record<'basic' | 'project' | 'total', BudgetLine>;
  checks: SheetCheck[];
  needsNote: boolean[];
}

/** The department's overall target's indicators, with 实际完成值 and 偏差原因 drawn by the page (附表14 has no 分值, 属性 or 内容). */
export const DEPARTMENT_SELF_EVALUATION_COLUMNS: readonly GridColumn[] = [
  ...DEPARTMENT_COLUMNS.filter((c) => c.key !== 'content' && c.key !== 'kind').map(({ key, label, numeric }) => ({ key, label, numeric })),
  { key: 'actual', label: '实际完成值', minWidth: '120px' },
  { key: 'deviationNote', label: '偏差原因分析及改进措施', minWidth: '260px' },
];

export function inputOf(e: DepartmentSelfEvaluationDto): DepartmentFormInput {
  const line = (l: BudgetLine): BudgetLineInput => ({ initial: l.initial, adjustment: l.adjustment, executed: l.executed });
  return {
    budget: { basic: line(e.budget.basic), project: line(e.budget.project) },
    duties: e.duties.map((d) => ({ ...d })),
    indicators: e.indicators.map((i) => ({ actual: i.actual ?? '', deviationNote: i.deviationNote })),
    notes: e.notes,
  };
}

const blank = (text: string) => (text.trim() === '' ? null : text.trim());

function contentOf(e: DepartmentSelfEvaluationDto, input: DepartmentFormInput): DepartmentSelfEvaluationContent {
  return {
    budget: input.budget,
    duties: input.duties,
    indicators: e.indicators.map((d, n) => ({ ...d, actual: blank(input.indicators[n].actual), deviationNote: input.indicators[n].deviationNote })),
  };
}

/** The figures and checks for what is typed now, by the domain function the API checks with. */
export function liveFigures(e: DepartmentSelfEvaluationDto, input: DepartmentFormInput, parameters: ScoringParameters): DepartmentFigures {
  const content = contentOf(e, input);
  const { budget, checks } = assessDepartmentSelfEvaluation(content, parameters);
  // a note is required where the checks would ask for it with the note left empty
  const withoutNotes = assessDepartmentSelfEvaluation({ ...content, indicators: content.indicators.map((i) => ({ ...i, deviationNote: '' })) }, parameters).checks;
  const needsNote = e.indicators.map((_, n) => withoutNotes.some((c) => c.row === n + 1 && c.code === 'deviation-note-missing'));
  return { budget, checks, needsNote };
}

/** What the department's projects' 自评表 add up to, as a budget line (预算确定数, 执行率) by the same arithmetic. */
export function projectsLine(e: DepartmentSelfEvaluationDto, parameters: ScoringParameters): BudgetLine {
  const zero = { initial: '0', adjustment: '0', executed: '0' };
  const { initial, adjustment, executed } = e.fromProjects;
  return assessDepartmentSelfEvaluation({ budget: { basic: zero, project: { initial, adjustment, executed } }, duties: [], indicators: [] }, parameters).budget.project;
}

/** 执行数 of 项目支出 less what the projects' 自评表 add up to; null while either is not a number. */
export function projectsDifference(typed: string, fromProjects: string): string | null {
  const [a, b] = [decimalOf(typed), decimalOf(fromProjects)];
  return a && b ? new Decimal(a).minus(b).toFixed(2) : null;
}

export function saveRequestOf(e: DepartmentSelfEvaluationDto, input: DepartmentFormInput): SaveDepartmentSelfEvaluationRequest {
  const line = (l: BudgetLineInput) => ({ initial: amountOf(l.initial), adjustment: amountOf(l.adjustment), executed: amountOf(l.executed) });
  return {
    version: e.version,
    budget: { basic: line(input.budget.basic), project: line(input.budget.project) },
    duties: input.duties.map((d) => ({ duty: d.duty, result: d.result })),
    indicators: e.indicators.map((d, n) => ({ id: d.id, actual: blank(input.indicators[n].actual), deviationNote: input.indicators[n].deviationNote })),
    notes: input.notes,
  };
}

/**
 * The parameters the API checks the year's table with: the year's profile, else the default one
 * (as `SettingsService.profileForYear`), so the 偏差原因 the browser asks for is the server's.
 */
export function yearParameters(year: number, years: readonly FiscalYearDto[], profiles: readonly SettingsProfileDto[]): ScoringParameters {
  const chosen = years.find((y) => y.year === year)?.profileId;
  const profile = profiles.find((p) => p.id === chosen) ?? profiles.find((p) => p.isDefault);
  return scoringParametersOf(profile?.profile ?? DEFAULT_PROFILE);
}

/** The overall target's indicators as the grid's (read-only) rows. */
export function gridRowsOf(e: DepartmentSelfEvaluationDto): TargetIndicatorDto[] {
  return e.indicators.map((r) => definitionRow(r.id, r));
}

/** Whether a row's 实际完成值 is a number (定量) or words (定性), as the checks judge it. */
export function isQuantitative(row: { kind: string; comparator: string | null }): boolean {
  return row.kind === '定量' && row.comparator !== '定性';
}

/** Where each check shows: under a budget cell, under a goal's result, in an indicator's row, or above the form. */
export function placeOf(check: SheetCheck): { budget: `${BudgetPart}.${BudgetField}` } | { duty: number } | { indicatorRow: number } | { sheet: true } {
  const field = check.field ?? '';
  const budget = /^budget\.(basic|project)\.(initial|adjustment|executed)$/.exec(field);
  if (budget) return { budget: `${budget[1] as BudgetPart}.${budget[2] as BudgetField}` };
  const duty = /^duties\.(\d+)\./.exec(field);
  if (duty) return { duty: Number(duty[1]) };
  if (check.row !== null) return { indicatorRow: check.row };
  return { sheet: true };
}
