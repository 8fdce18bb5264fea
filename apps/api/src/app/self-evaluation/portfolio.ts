import { ScoringParameters, SheetStatus } from '@pm/domain';
import { EntityManager } from 'typeorm';
import { SelfEvaluationRow } from './self-evaluation-row.entity';

/** One self-evaluation of a year as the year-wide computations need it: its money, parameters and rows. */
export interface PortfolioEvaluation {
  id: string;
  projectName: string;
  unitId: string;
  status: SheetStatus;
  version: number;
  budgetInitial: string;
  budgetAdjustment: string | null;
  budgetExecuted: string | null;
  parameters: ScoringParameters & { id?: string | null };
  total: string | null;
  grade: string | null;
  rows: SelfEvaluationRow[];
}

/**
 * Every self-evaluation of a year with its rows, in two statements (not one per evaluation): the
 * what-if and the explicit rescore read the whole portfolio at once.
 */
export async function portfolioOf(db: EntityManager, fiscalYear: number, status?: SheetStatus): Promise<PortfolioEvaluation[]> {
  const evaluations: Omit<PortfolioEvaluation, 'rows'>[] = await db.query(
    `SELECT e.id, p.name AS "projectName", e.unit_id AS "unitId", e.status, e.version, e.budget_initial::text AS "budgetInitial",
            e.budget_adjustment::text AS "budgetAdjustment", e.budget_executed::text AS "budgetExecuted", e.parameters, e.total::text AS total, e.grade
     FROM self_evaluations e JOIN projects p ON p.id = e.project_id
     WHERE e.fiscal_year = $1 AND ($2::varchar IS NULL OR e.status = $2)
     ORDER BY p.name, e.id`,
    [fiscalYear, status ?? null],
  );
  if (!evaluations.length) return [];
  const rows: (SelfEvaluationRow & { evaluationId: string })[] = await db.query(
    `SELECT r.id, r.evaluation_id AS "evaluationId", r.indicator_id AS "indicatorId", r.position, r.level1, r.level2, r.name, r.comparator, r.value, r.unit, r.kind,
            r.weight::text AS weight, r.scoring_rule AS "scoringRule", r.forecast::text AS forecast, r.actual, r.tier, r.tier_score::text AS "tierScore", r.applicable,
            r.deviation_note AS "deviationNote", r.override_score::text AS "overrideScore", r.computed_score::text AS "computedScore"
     FROM self_evaluation_rows r JOIN self_evaluations e ON e.id = r.evaluation_id
     WHERE e.fiscal_year = $1 AND ($2::varchar IS NULL OR e.status = $2)
     ORDER BY r.evaluation_id, r.position`,
    [fiscalYear, status ?? null],
  );
  const byEvaluation = new Map<string, SelfEvaluationRow[]>();
  for (const r of rows) {
    const list = byEvaluation.get(r.evaluationId);
    if (list) list.push(r);
    else byEvaluation.set(r.evaluationId, [r]);
  }
  return evaluations.map((e) => ({ ...e, rows: byEvaluation.get(e.id) ?? [] }));
}
