import Decimal from 'decimal.js';
import { decimalOf } from '../figures/explanation';
import { QUALITATIVE_TIER_NAMES, QualitativeTier, QualitativeTiers } from '../settings/settings-profile';
import type { SelfEvaluationForm } from '../tables/self-evaluation-reader';
import { BudgetExecution, EvaluatedIndicator } from './score';

/**
 * A published 自评表 as a self-evaluation to score: 调整 = 全年预算数 − 年初预算数; a 定性 row takes the
 * tier its published score falls in and that score, as the unit gave it; a 定量 row its actual.
 */
export function evaluationOfForm(form: SelfEvaluationForm, tiers: QualitativeTiers): { budget: BudgetExecution; indicators: EvaluatedIndicator[] } {
  const initial = decimalOf(form.money.initial) ?? decimalOf(form.money.annual) ?? new Decimal(0);
  const annual = decimalOf(form.money.annual) ?? initial;
  return {
    budget: { initial: initial.toFixed(2), adjustment: annual.minus(initial).toFixed(2), executed: form.money.executed },
    indicators: form.indicators.map((r) => {
      const weight = decimalOf(r.weight);
      const score = decimalOf(r.score);
      const tier = r.kind === '定性' && weight && score ? tierOf(score, weight, tiers) : null;
      return {
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        comparator: r.comparator,
        value: r.value,
        unit: r.unit,
        kind: r.kind,
        weight: r.weight,
        scoringRule: null,
        actual: r.kind === '定量' ? r.actual : r.actualText,
        tier,
        tierScore: tier ? r.score : null,
        applicable: true,
        deviationNote: r.deviationNote,
      };
    }),
  };
}

/** The tier a score of a weight falls in. */
export function tierOf(score: Decimal, weight: Decimal, tiers: QualitativeTiers): QualitativeTier {
  const percent = weight.isZero() ? new Decimal(100) : score.div(weight).times(100);
  return QUALITATIVE_TIER_NAMES.find((t) => percent.greaterThanOrEqualTo(tiers[t][0])) ?? QUALITATIVE_TIER_NAMES[2];
}
