import { Injectable } from '@nestjs/common';
import { SELF_EVALUATION_CHAIN } from '@pm/domain';
import { EntityManager } from 'typeorm';
import { blockedByChecks } from '../common/api-error';
import { ReviewedKind } from '../review/reviewed-kind';
import { assess } from './assess';
import { SelfEvaluationRow } from './self-evaluation-row.entity';
import { SelfEvaluation } from './self-evaluation.entity';

/** A self-evaluation on the review chain: opened by its round; a submit needs every blocking check resolved. */
@Injectable()
export class SelfEvaluationKind implements ReviewedKind<SelfEvaluation, SelfEvaluation> {
  readonly chain = SELF_EVALUATION_CHAIN;
  readonly entity = SelfEvaluation;
  readonly createdOnFirstSave = false;
  readonly missing = '未找到该自评表，请刷新后重试';

  organizationOf(evaluation: SelfEvaluation): string {
    return evaluation.unitId;
  }

  find(evaluation: SelfEvaluation): Partial<SelfEvaluation> {
    return { id: evaluation.id };
  }

  async snapshot(db: EntityManager, evaluation: SelfEvaluation) {
    const rows = await db.find(SelfEvaluationRow, { where: { evaluationId: evaluation.id }, order: { position: 'ASC' } });
    return {
      budget: { initial: evaluation.budgetInitial, adjustment: evaluation.budgetAdjustment, executed: evaluation.budgetExecuted },
      goalActual: evaluation.goalActual,
      total: evaluation.total,
      grade: evaluation.grade,
      indicators: rows.map((r) => ({ id: r.indicatorId, name: r.name, actual: r.actual, tier: r.tier, tierScore: r.tierScore, applicable: r.applicable, deviationNote: r.deviationNote, computedScore: r.computedScore, overrideScore: r.overrideScore })),
    };
  }

  async check(db: EntityManager, evaluation: SelfEvaluation, _key: SelfEvaluation, action: string, snapshot: unknown): Promise<void> {
    if (action !== 'submit' || !snapshot) return;
    const rows = await db.find(SelfEvaluationRow, { where: { evaluationId: evaluation.id }, order: { position: 'ASC' } });
    const blocking = assess(evaluation, rows).checks.filter((c) => c.severity === 'blocking');
    if (blocking.length) throw blockedByChecks(blocking);
  }

  stale(current: number, read: number): string {
    return `自评表已被他人修改（当前版本 ${current}，您读取的是版本 ${read}），请刷新后重试`;
  }
}
