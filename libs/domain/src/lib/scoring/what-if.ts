import { BudgetExecution, EvaluatedIndicator, Grade, scoreSelfEvaluation, ScoringParameters } from './score';

export interface WhatIfSubject {
  selfEvaluationId: string;
  projectName: string;
  budget: BudgetExecution;
  indicators: readonly (EvaluatedIndicator & { indicatorId: string })[];
  /** The parameters its scores were computed with. */
  parameters: ScoringParameters;
}

export interface WhatIfChange {
  selfEvaluationId: string;
  projectName: string;
  indicatorId?: string;
  /** The row that moves (三级 with its 一级 and 二级); absent when only 预算执行率 or the total moves. */
  indicator?: { level1: string; level2: string; name: string };
  from: { score?: string | null; total: string; grade: Grade };
  to: { score?: string | null; total: string; grade: Grade };
}

/**
 * What another profile would move (SPEC §8, §12): every indicator score, total and grade that
 * differs between each self-evaluation's own parameters and the other profile's. Changes nothing.
 */
export function whatIf(subjects: readonly WhatIfSubject[], to: ScoringParameters): WhatIfChange[] {
  const changes: WhatIfChange[] = [];
  for (const s of subjects) {
    const before = scoreSelfEvaluation(s.budget, s.indicators, s.parameters);
    const after = scoreSelfEvaluation(s.budget, s.indicators, to);
    const totals = { from: { total: before.total, grade: before.grade }, to: { total: after.total, grade: after.grade } };
    s.indicators.forEach((i, n) => {
      const [a, b] = [before.indicators[n].score, after.indicators[n].score];
      if (a !== b) changes.push({ selfEvaluationId: s.selfEvaluationId, projectName: s.projectName, indicatorId: i.indicatorId, indicator: { level1: i.level1, level2: i.level2, name: i.name }, from: { score: a, ...totals.from }, to: { score: b, ...totals.to } });
    });
    if (before.budget.score !== after.budget.score) changes.push({ selfEvaluationId: s.selfEvaluationId, projectName: s.projectName, from: { score: before.budget.score, ...totals.from }, to: { score: after.budget.score, ...totals.to } });
    else if (before.total !== after.total || before.grade !== after.grade) {
      if (!changes.some((c) => c.selfEvaluationId === s.selfEvaluationId)) changes.push({ selfEvaluationId: s.selfEvaluationId, projectName: s.projectName, ...totals });
    }
  }
  return changes;
}
