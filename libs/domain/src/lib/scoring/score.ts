import Decimal from 'decimal.js';
import { decimalOf, Explanation, percentOf, plain } from '../figures/explanation';
import { directionOf, normaliseComparator } from '../indicators/comparator';
import { formatYuan } from '../money/money';
import { QUALITATIVE_TIER_NAMES, QualitativeTier, SettingsProfile } from '../settings/settings-profile';

/** The parameters of a profile that scoring reads; a stored score keeps exactly these. */
export type ScoringParameters = Pick<SettingsProfile, 'budgetWeight' | 'reverseRule' | 'overshootThreshold' | 'notApplicableRescale' | 'gradeBands' | 'qualitativeTiers'> & { name: string };

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

/** One indicator of a 项目支出绩效自评表: the approved definition and what the lead reports. */
export interface EvaluatedIndicator {
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  kind: string;
  weight: string | null;
  scoringRule?: string | null;
  /** 实际完成值: a decimal for 定量, a description for 定性. */
  actual: string | null;
  /** For 定性 and 按评判等级赋分: the tier the lead picks and the score inside it. */
  tier: string | null;
  tierScore: string | null;
  applicable: boolean;
  deviationNote: string;
  /** A reviewer's score in force instead of the computed one. */
  override?: string | null;
}

export interface BudgetExecution {
  /** 年初预算数. */
  initial: string;
  /** 调整 (+ / −); 全年预算数 = 年初预算数 + 调整. */
  adjustment: string | null;
  /** 全年执行数. */
  executed: string | null;
}

export interface IndicatorScore {
  /** The score in force (the override when there is one); null while it cannot be scored or is 不适用. */
  score: string | null;
  /** What the rules give. */
  computed: string | null;
  explanation: Explanation | null;
  /** A shortfall, or an overshoot past the profile's threshold: 偏差原因分析及改进措施 is required. */
  needsDeviationNote: boolean;
  /** Why the lead's tier score is refused, with the allowed range. */
  problem: string | null;
}

export interface Scorecard {
  budget: { annual: string; rate: string | null; score: string; explanation: Explanation };
  indicators: IndicatorScore[];
  total: string;
  grade: Grade;
  gradeExplanation: Explanation;
}

const HUNDRED = new Decimal(100);
const rounded = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const two = (d: Decimal) => rounded(d).toFixed(2);

/** How an indicator is scored: by ratio to its target (by direction), by tier, or all-or-nothing. */
export function scoringMethodOf(i: Pick<EvaluatedIndicator, 'kind' | 'comparator' | 'scoringRule'>): 'tier' | 'direct' | 'ratio' {
  const rule = (i.scoringRule ?? '').replace(/\s/g, '');
  if (i.kind === '定性' || normaliseComparator(i.comparator ?? '') === '定性' || rule.includes('评判等级')) return 'tier';
  if (rule.includes('直接赋分')) return 'direct';
  return 'ratio';
}

/** A tier's range in points for a weight: from, to, and whether `to` itself is inside. */
export function tierRange(tier: QualitativeTier, weight: Decimal, parameters: ScoringParameters): { from: Decimal; to: Decimal; includesTo: boolean; words: string } {
  const [lo, hi] = parameters.qualitativeTiers[tier];
  const from = weight.times(lo).div(HUNDRED);
  const to = weight.times(hi).div(HUNDRED);
  const includesTo = tier === QUALITATIVE_TIER_NAMES[0];
  return { from, to, includesTo, words: `${two(from)}–${two(to)}${includesTo ? '' : `（不含 ${two(to)}）`}` };
}

/** The budget execution score (SPEC §6): budgetWeight × min(全年执行数 ÷ 全年预算数, 100%). */
export function budgetScore(budget: BudgetExecution, parameters: ScoringParameters): Scorecard['budget'] {
  const weight = new Decimal(parameters.budgetWeight);
  const initial = new Decimal(budget.initial);
  const adjustment = decimalOf(budget.adjustment) ?? new Decimal(0);
  const annual = initial.plus(adjustment);
  const executed = decimalOf(budget.executed);
  const inputs = { 年初预算数: formatYuan(initial), 调整: formatYuan(adjustment), 全年预算数: formatYuan(annual), 全年执行数: executed ? formatYuan(executed) : '未填', 分值: plain(weight) };
  const rule = '预算执行率：分值 × min(全年执行数 ÷ 全年预算数, 100%)';
  if (!executed) return { annual: annual.toFixed(2), rate: null, score: '0.00', explanation: { rule, inputs, formula: '全年执行数未填 → 0.00', result: '0.00' } };
  if (!annual.greaterThan(0)) return { annual: annual.toFixed(2), rate: null, score: '0.00', explanation: { rule, inputs, formula: '全年预算数为 0，不计执行率 → 0.00', result: '0.00' } };
  const rate = executed.div(annual);
  const score = weight.times(Decimal.min(rate, 1));
  const formula = `${plain(weight)} × min(${formatYuan(executed)} ÷ ${formatYuan(annual)}, 100%) = ${two(score)}`;
  return { annual: annual.toFixed(2), rate: percentOf(rate), score: two(score), explanation: { rule, inputs, formula, result: two(score) } };
}

interface Raw {
  score: Decimal;
  rule: string;
  formula: (score: string) => string;
  shortfall: boolean;
  overshoot: boolean;
}

/** What the rules give one indicator before 不适用 re-scaling; null with a reason when it cannot be scored yet. */
function rawScore(i: EvaluatedIndicator, parameters: ScoringParameters): Raw | { problem: string | null } {
  const w = decimalOf(i.weight) ?? new Decimal(0);
  const method = scoringMethodOf(i);
  if (method === 'tier') {
    const tier = i.tier as QualitativeTier | null;
    if (!tier || !(QUALITATIVE_TIER_NAMES as readonly string[]).includes(tier)) return { problem: null };
    const range = tierRange(tier, w, parameters);
    const score = decimalOf(i.tierScore);
    if (!score) return { problem: null };
    const inside = score.greaterThanOrEqualTo(range.from) && (range.includesTo ? score.lessThanOrEqualTo(range.to) : score.lessThan(range.to));
    if (!inside) return { problem: `得分 ${plain(score)} 不在“${tier}”的范围 ${range.words}${range.includesTo ? ' ' : ''}内` };
    return { score, rule: '定性指标：按评判等级赋分', formula: (s) => `${tier}（${range.words}）：评定 ${s}`, shortfall: tier !== QUALITATIVE_TIER_NAMES[0], overshoot: false };
  }
  const actual = decimalOf(i.actual);
  const target = decimalOf(i.value);
  if (!actual || !target) return { problem: null };
  const a = Decimal.max(actual, 0);
  const t = target;
  const [ws, as, ts] = [plain(w), plain(a), plain(t)];
  const negative = actual.isNegative() ? `（实际完成值 ${plain(actual)} 按 0 计）` : '';
  const comparator = normaliseComparator(i.comparator ?? '') ?? '≥';
  const direction = directionOf(comparator, '定量');
  const threshold = new Decimal(parameters.overshootThreshold);
  // SPEC §6 scores > like ≥ and < like ≤
  const meets = direction === '反向' ? a.lessThanOrEqualTo(t) : a.greaterThanOrEqualTo(t);

  if (method === 'direct') {
    return { score: meets ? w : new Decimal(0), rule: '直接赋分：达到指标值得满分，否则不得分', formula: (s) => `${as} ${meets ? '达到' : '未达到'}指标值 ${ts} → ${s}${negative}`, shortfall: !meets, overshoot: false };
  }
  if ((direction === '等于' || direction === '反向') && t.isZero()) {
    const ok = a.lessThanOrEqualTo(0);
    return { score: ok ? w : new Decimal(0), rule: `${direction === '等于' ? '等于' : '反向'}指标值为 0：未发生得满分，发生不得分`, formula: (s) => `${as} ${ok ? '≤' : '>'} 0 → ${s}${negative}`, shortfall: !ok, overshoot: false };
  }
  if (direction === '反向') {
    if (a.lessThanOrEqualTo(t)) return { score: w, rule: '反向指标：不超过指标值得满分', formula: (s) => `${as} ≤ ${ts} → ${s}${negative}`, shortfall: false, overshoot: false };
    if (parameters.reverseRule === 'linear') {
      const score = a.greaterThanOrEqualTo(t.times(2)) ? new Decimal(0) : w.times(new Decimal(1).minus(a.minus(t).div(t)));
      return { score, rule: '反向指标（线性）：分值 × (1 − (实际 − 指标值) ÷ 指标值)，达到 2 倍指标值不得分', formula: (s) => (a.greaterThanOrEqualTo(t.times(2)) ? `${as} ≥ 2 × ${ts} → ${s}` : `${ws} × (1 − (${as} − ${ts}) ÷ ${ts}) = ${s}`) + negative, shortfall: true, overshoot: false };
    }
    return { score: w.times(t).div(a), rule: '反向指标（比例）：分值 × 指标值 ÷ 实际完成值', formula: (s) => `${ws} × ${ts} ÷ ${as} = ${s}${negative}`, shortfall: true, overshoot: false };
  }
  // 正向, and 等于 with a target above 0
  const overshoot = a.greaterThan(t.times(threshold));
  if (a.greaterThanOrEqualTo(t)) return { score: w, rule: '正向指标：达到指标值得满分，否则按完成比例', formula: (s) => `${as} ≥ ${ts} → ${s}${negative}`, shortfall: false, overshoot };
  return { score: w.times(a).div(t), rule: '正向指标：分值 × 实际完成值 ÷ 指标值', formula: (s) => `${ws} × ${as} ÷ ${ts} = ${s}${negative}`, shortfall: true, overshoot };
}

/**
 * Scores a whole 项目支出绩效自评表 (SPEC §6): the budget, every indicator with its arithmetic
 * (不适用 left out and, when the profile says so, the rest re-scaled to the same total), the total
 * of the scores in force and the grade by the profile's bands. Every figure is rounded half-up to
 * 2 decimals once, at the end.
 */
export function scoreSelfEvaluation(budget: BudgetExecution, indicators: readonly EvaluatedIndicator[], parameters: ScoringParameters): Scorecard {
  const budgetPart = budgetScore(budget, parameters);
  const weights = indicators.map((i) => decimalOf(i.weight) ?? new Decimal(0));
  const all = weights.reduce((a, b) => a.plus(b), new Decimal(0));
  const applicable = weights.filter((_, n) => indicators[n].applicable).reduce((a, b) => a.plus(b), new Decimal(0));
  const rescale = parameters.notApplicableRescale && applicable.greaterThan(0) && !applicable.equals(all);

  const scored = indicators.map((i, n): IndicatorScore => {
    const inputs = { 分值: plain(weights[n]), 指标值: `${i.comparator && i.comparator !== '定性' ? i.comparator : ''}${i.value}${i.unit}`, 实际完成值: i.actual ?? '' };
    if (!i.applicable) {
      return { score: null, computed: null, explanation: { rule: '不适用：不计分', inputs, formula: rescale ? `不适用，其余指标按 ${plain(all)} ÷ ${plain(applicable)} 折算` : '不适用，不计分', result: '—' }, needsDeviationNote: false, problem: null };
    }
    const raw = rawScore(i, parameters);
    const override = decimalOf(i.override ?? null);
    if ('problem' in raw) return { score: override ? two(override) : null, computed: null, explanation: null, needsDeviationNote: false, problem: raw.problem };
    const factor = rescale ? all.div(applicable) : new Decimal(1);
    const computed = two(raw.score.times(factor));
    const formula = rescale ? `${raw.formula(two(raw.score))}，× ${plain(all)} ÷ ${plain(applicable)}（不适用指标不计，其余折算）= ${computed}` : raw.formula(computed);
    return {
      score: override ? two(override) : computed,
      computed,
      explanation: { rule: raw.rule, inputs: { ...inputs, 参数方案: parameters.name }, formula, result: computed },
      needsDeviationNote: raw.shortfall || raw.overshoot,
      problem: null,
    };
  });

  const total = scored.reduce((sum, s) => sum.plus(s.score ?? 0), new Decimal(budgetPart.score));
  const grade = gradeOf(total, parameters);
  const bands = parameters.gradeBands;
  const gradeFormula =
    grade === '优' ? `${two(total)} ≥ ${bands.优} → 优` : grade === '良' ? `${bands.良} ≤ ${two(total)} < ${bands.优} → 良` : grade === '中' ? `${bands.中} ≤ ${two(total)} < ${bands.良} → 中` : `${two(total)} < ${bands.中} → 差`;
  return {
    budget: budgetPart,
    indicators: scored,
    total: two(total),
    grade,
    gradeExplanation: { rule: `总分 = 预算执行得分 + 各指标得分；等级：优 ≥ ${bands.优}，良 ≥ ${bands.良}，中 ≥ ${bands.中}，其余为差`, inputs: { 预算执行得分: budgetPart.score, 指标得分合计: two(total.minus(budgetPart.score)) }, formula: gradeFormula, result: grade },
  };
}

/** 优 / 良 / 中 / 差 by the profile's lower bounds (inclusive). */
export function gradeOf(total: Decimal.Value, parameters: Pick<ScoringParameters, 'gradeBands'>): Grade {
  const t = rounded(new Decimal(total));
  if (t.greaterThanOrEqualTo(parameters.gradeBands.优)) return '优';
  if (t.greaterThanOrEqualTo(parameters.gradeBands.良)) return '良';
  if (t.greaterThanOrEqualTo(parameters.gradeBands.中)) return '中';
  return '差';
}

/** The scoring parameters of a profile, as a self-evaluation keeps them. */
export function scoringParametersOf(profile: SettingsProfile): ScoringParameters {
  const { name, budgetWeight, reverseRule, overshootThreshold, notApplicableRescale, gradeBands, qualitativeTiers } = profile;
  return { name, budgetWeight, reverseRule, overshootThreshold, notApplicableRescale, gradeBands, qualitativeTiers };
}
