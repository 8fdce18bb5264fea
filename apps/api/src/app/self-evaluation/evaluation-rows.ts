import { SelfEvaluationIndicatorDto } from '@pm/api-contract';
import { decimalOf, EvaluatedIndicator, IndicatorScore, QUALITATIVE_TIER_NAMES, ScoringParameters, scoringMethodOf, tierRange } from '@pm/domain';
import Decimal from 'decimal.js';
import { SelfEvaluationRow } from './self-evaluation-row.entity';

/** A stored row as the domain scores it (the override in force included). */
export function evaluatedOf(r: SelfEvaluationRow): EvaluatedIndicator {
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
    actual: r.actual,
    tier: r.tier,
    tierScore: r.tierScore,
    applicable: r.applicable,
    deviationNote: r.deviationNote,
    override: r.overrideScore,
  };
}

/** The allowed points of each tier for a row's weight, so the form can show and check them. */
export function tierRangesOf(r: Pick<SelfEvaluationRow, 'weight' | 'kind' | 'comparator' | 'scoringRule'>, parameters: ScoringParameters): SelfEvaluationIndicatorDto['tierRanges'] {
  if (scoringMethodOf(r) !== 'tier') return null;
  const weight = decimalOf(r.weight) ?? new Decimal(0);
  return QUALITATIVE_TIER_NAMES.map((tier) => {
    const range = tierRange(tier, weight, parameters);
    return { tier, from: range.from.toFixed(2), to: range.to.toFixed(2), includesTo: range.includesTo, words: range.words };
  });
}

/** A stored row → the contract's row, with the score in force, the computed one, and the override. */
export function toEvaluationIndicatorDto(r: SelfEvaluationRow, scored: IndicatorScore, parameters: ScoringParameters, overriderName: string | null): SelfEvaluationIndicatorDto {
  return {
    indicatorId: r.indicatorId,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparator: r.comparator,
    value: r.value,
    unit: r.unit,
    kind: r.kind,
    weight: r.weight,
    scoringRule: r.scoringRule,
    scoringMethod: scoringMethodOf(r),
    tierRanges: tierRangesOf(r, parameters),
    evidenceRequired: r.evidenceRequired,
    forecast: r.forecast,
    actual: r.actual,
    tier: r.tier,
    tierScore: r.tierScore,
    applicable: r.applicable,
    score: scored.score,
    computedScore: scored.computed,
    override: r.overrideScore !== null ? { score: r.overrideScore, reason: r.overrideReason ?? '', by: overriderName ?? '', at: r.overrideAt?.toISOString() ?? '' } : null,
    deviationNote: r.deviationNote,
    needsDeviationNote: scored.needsDeviationNote,
    explanation: scored.explanation,
  };
}
