import { SaveSelfEvaluationRequest, SelfEvaluationDto, SelfEvaluationIndicatorDto, TargetIndicatorDto } from '@pm/api-contract';
import { checkSelfEvaluation, EvaluatedIndicator, Explanation, Grade, ScoringParameters, scoreSelfEvaluation, SheetCheck } from '@pm/domain';

/** What the lead types into one row until it is saved. */
export interface RowInput {
  actual: string;
  tier: string | null;
  tierScore: string;
  applicable: boolean;
  deviationNote: string;
}

/** The working copy of a 自评表: the money, the goal's 实际完成情况 and every row. */
export interface FormInput {
  executed: string;
  adjustment: string;
  goalActual: string;
  rows: RowInput[];
}

/** Every figure the form shows: the budget's score, each row's, the total and grade, and the checks. */
export interface Figures {
  budget: { annual: string; rate: string | null; score: string; explanation: Explanation };
  rows: { score: string | null; computed: string | null; explanation: Explanation | null; needsDeviationNote: boolean }[];
  total: string;
  grade: Grade;
  gradeExplanation: Explanation;
  checks: SheetCheck[];
}

export function inputOf(e: SelfEvaluationDto): FormInput {
  return {
    executed: e.budget.executed ?? '',
    adjustment: e.budget.adjustment ?? '',
    goalActual: e.goalActual,
    rows: e.indicators.map((r) => ({ actual: r.actual ?? '', tier: r.tier, tierScore: r.tierScore ?? '', applicable: r.applicable, deviationNote: r.deviationNote })),
  };
}

const blank = (text: string) => (text.trim() === '' ? null : text.trim());

/** An amount as typed (`886,686.50`, ` 1 000 `) without its separators. */
export function amountOf(text: string): string {
  return text.replace(/[,，\s]/g, '');
}

export function saveRequestOf(e: SelfEvaluationDto, input: FormInput): SaveSelfEvaluationRequest {
  return {
    version: e.version,
    budget: { executed: blank(input.executed), adjustment: blank(input.adjustment) },
    goalActual: input.goalActual,
    indicators: e.indicators.map((r, i) => {
      const row = input.rows[i];
      return { indicatorId: r.indicatorId, actual: blank(row.actual), tier: row.tier, score: blank(row.tierScore), applicable: row.applicable, deviationNote: row.deviationNote };
    }),
  };
}

function evaluated(r: SelfEvaluationIndicatorDto, input: RowInput): EvaluatedIndicator {
  return {
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparator: r.comparator,
    value: r.value,
    unit: r.unit,
    kind: r.kind,
    weight: r.weight,
    scoringRule: r.scoringRule,
    actual: blank(input.actual),
    tier: input.tier,
    tierScore: blank(input.tierScore),
    applicable: input.applicable,
    deviationNote: input.deviationNote,
    override: r.override?.score ?? null,
  };
}

/** The figures for what is typed now, by the same domain rules the API scores with. */
export function liveFigures(e: SelfEvaluationDto, input: FormInput, parameters: ScoringParameters): Figures {
  const budget = { initial: e.budget.initial, adjustment: blank(amountOf(input.adjustment)), executed: blank(amountOf(input.executed)) };
  const rows = e.indicators.map((r, i) => evaluated(r, input.rows[i]));
  const card = scoreSelfEvaluation(budget, rows, parameters);
  return {
    budget: card.budget,
    rows: card.indicators.map((s) => ({ score: s.score, computed: s.computed, explanation: s.explanation, needsDeviationNote: s.needsDeviationNote })),
    total: card.total,
    grade: card.grade,
    gradeExplanation: card.gradeExplanation,
    checks: checkSelfEvaluation(budget, rows, card),
  };
}

/** An indicator's definition, as a document that fills it in keeps it, drawn as a (read-only) row of the grid. */
export interface DefinedIndicator {
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  kind: string;
}

export function definitionRow(id: string, r: DefinedIndicator, extra: Partial<Pick<TargetIndicatorDto, 'weight' | 'scoringRule' | 'evidence'>> = {}): TargetIndicatorDto {
  return {
    id,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparator: r.comparator as TargetIndicatorDto['comparator'],
    value: r.value,
    unit: r.unit,
    kind: r.kind as TargetIndicatorDto['kind'],
    content: '',
    basis: '',
    lastYearActual: null,
    weight: extra.weight ?? null,
    scoringRule: extra.scoringRule ?? '',
    evidence: extra.evidence ?? '',
  };
}

/** The approved definitions as the grid's (read-only) rows. */
export function gridRowsOf(e: SelfEvaluationDto): TargetIndicatorDto[] {
  return e.indicators.map((r) => definitionRow(r.indicatorId, r, { weight: r.weight, scoringRule: r.scoringRule, evidence: r.evidenceRequired }));
}

/** `≥90次`, `≤30万元`, `明显提升`: the target as the official table prints it. */
export function targetText(r: Pick<SelfEvaluationIndicatorDto, 'comparator' | 'value' | 'unit'>): string {
  return `${r.comparator && r.comparator !== '定性' ? r.comparator : ''}${r.value}${r.unit}`;
}
