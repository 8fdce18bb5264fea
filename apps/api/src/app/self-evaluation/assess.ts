import { BudgetExecution, checkSelfEvaluation, EvaluatedIndicator, Scorecard, scoreSelfEvaluation, SheetCheck } from '@pm/domain';
import { evaluatedOf } from './evaluation-rows';
import { SelfEvaluationRow } from './self-evaluation-row.entity';
import { SelfEvaluation } from './self-evaluation.entity';

export interface Assessment {
  budget: BudgetExecution;
  indicators: EvaluatedIndicator[];
  card: Scorecard;
  checks: SheetCheck[];
}

/** Every score and check of a self-evaluation, with the parameters it keeps. */
export function assess(evaluation: Pick<SelfEvaluation, 'budgetInitial' | 'budgetAdjustment' | 'budgetExecuted' | 'parameters'>, rows: SelfEvaluationRow[]): Assessment {
  const budget = { initial: evaluation.budgetInitial, adjustment: evaluation.budgetAdjustment, executed: evaluation.budgetExecuted };
  const indicators = rows.map(evaluatedOf);
  const card = scoreSelfEvaluation(budget, indicators, evaluation.parameters);
  return { budget, indicators, card, checks: checkSelfEvaluation(budget, indicators, card) };
}
