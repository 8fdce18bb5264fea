import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RescoreResponse, SelfEvaluationSummaryDto, SessionUser, WhatIfResponse } from '@pm/api-contract';
import { Grade, GRADES, integrityFlags, scoreSelfEvaluation, scoringParametersOf, whatIf } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { inSlices } from '../common/slices';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { SettingsService } from '../settings/settings.service';
import { assess } from './assess';
import { evaluatedOf } from './evaluation-rows';
import { portfolioOf } from './portfolio';
import { SelfEvaluation } from './self-evaluation.entity';

const SLICE = 200;
const MAX_POINTS = 2000;
const noGrades = (): Record<Grade, number> => ({ 优: 0, 良: 0, 中: 0, 差: 0 });

/**
 * A year's self-evaluations as a portfolio: what another profile would move (changing nothing), the
 * explicit rescore of drafts with the year's profile, and finance's results dashboard.
 */
@Injectable()
export class YearScoresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly fiscalYears: FiscalYearsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async whatIf(profileId: string, fiscalYear: number): Promise<WhatIfResponse> {
    const profile = await this.settings.profile(profileId);
    await this.fiscalYears.assertExists(fiscalYear);
    const to = scoringParametersOf(profile);
    const evaluations = await portfolioOf(this.dataSource.manager, fiscalYear);
    const grades = { from: noGrades(), to: noGrades() };
    const changes = (
      await inSlices(evaluations, SLICE, (e) => {
        const subject = { selfEvaluationId: e.id, projectName: e.projectName, budget: budgetOf(e), indicators: e.rows.map((r) => ({ ...evaluatedOf(r), indicatorId: r.indicatorId })), parameters: e.parameters };
        const moved = whatIf([subject], to);
        const unmoved = moved.length ? null : scoreSelfEvaluation(subject.budget, subject.indicators, e.parameters).grade;
        grades.from[moved[0]?.from.grade ?? (unmoved as Grade)]++;
        grades.to[moved[0]?.to.grade ?? (unmoved as Grade)]++;
        return moved;
      })
    ).flat();
    return { fiscalYear, evaluations: evaluations.length, changes, grades };
  }

  /**
   * Drafts of the year take the year's profile and are scored again; submitted and approved
   * evaluations keep the parameters they were filed with. Each rescored draft is audited.
   */
  async rescore(user: SessionUser, profileId: string, fiscalYear: number): Promise<RescoreResponse> {
    const profile = await this.settings.profile(profileId);
    const chosen = await this.settings.profileRecordForYear(fiscalYear);
    await this.fiscalYears.assertExists(fiscalYear);
    if (chosen.id !== profileId) throw badRequest(`“${profile.name}”不是 ${fiscalYear} 年度采用的参数方案，请先将其设为该年度的方案再重新计分`, [{ field: 'fiscalYear', message: '不是该年度的参数方案' }]);
    const parameters = { ...scoringParametersOf(profile), id: profileId };
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT id FROM self_evaluations WHERE fiscal_year = $1 AND status = $2 FOR UPDATE', [fiscalYear, 'draft']);
      const drafts = await portfolioOf(db, fiscalYear, 'draft');
      const notes: { note: string; n: number }[] = await db.query(
        `SELECT r.deviation_note AS note, count(DISTINCT r.evaluation_id)::int AS n FROM self_evaluation_rows r JOIN self_evaluations e ON e.id = r.evaluation_id
         WHERE e.fiscal_year = $1 AND length(r.deviation_note) >= 6 GROUP BY r.deviation_note`,
        [fiscalYear],
      );
      const noteCounts = new Map(notes.map((x) => [x.note, x.n]));
      const rescored = await inSlices(drafts, SLICE, (e) => {
        const assessed = assess({ ...e, parameters }, e.rows);
        const sameNoteElsewhere = e.rows.map((r) => Math.max((noteCounts.get(r.deviationNote) ?? 1) - 1, 0));
        const flags = integrityFlags(assessed.budget, assessed.indicators, assessed.card, { sameNoteElsewhere, forecasts: e.rows.map((r) => r.forecast) });
        return { e, card: assessed.card, flags };
      });
      if (!rescored.length) return { fiscalYear, rescored: 0, kept: await this.kept(fiscalYear) };
      const rows = rescored.flatMap(({ e, card }) => e.rows.map((r, n) => ({ id: r.id, score: card.indicators[n] })));
      await db.query(
        `UPDATE self_evaluation_rows t SET computed_score = u.computed, explanation = u.explanation, needs_deviation_note = u.needs
         FROM unnest($1::uuid[], $2::numeric[], $3::jsonb[], $4::boolean[]) AS u(id, computed, explanation, needs) WHERE t.id = u.id`,
        [rows.map((r) => r.id), rows.map((r) => r.score.computed), rows.map((r) => (r.score.explanation ? JSON.stringify(r.score.explanation) : null)), rows.map((r) => r.score.needsDeviationNote)],
      );
      await db.query(
        `UPDATE self_evaluations t SET parameters = $2::jsonb, budget_score = u.budget_score, budget_explanation = u.budget_explanation, total = u.total, grade = u.grade,
                grade_explanation = u.grade_explanation, flags = u.flags, version = t.version + 1, updated_by = $3, updated_at = now()
         FROM unnest($1::uuid[], $4::numeric[], $5::jsonb[], $6::numeric[], $7::varchar[], $8::jsonb[], $9::jsonb[]) AS u(id, budget_score, budget_explanation, total, grade, grade_explanation, flags)
         WHERE t.id = u.id`,
        [
          rescored.map((x) => x.e.id),
          JSON.stringify(parameters),
          user.id,
          rescored.map((x) => x.card.budget.score),
          rescored.map((x) => JSON.stringify(x.card.budget.explanation)),
          rescored.map((x) => x.card.total),
          rescored.map((x) => x.card.grade),
          rescored.map((x) => JSON.stringify(x.card.gradeExplanation)),
          rescored.map((x) => JSON.stringify(x.flags)),
        ],
      );
      await this.audit.record(
        db,
        user,
        rescored.map(({ e, card }) => ({ entity: 'self_evaluation', entityId: e.id, organizationId: e.unitId, action: 'rescore', field: '总分/等级', oldValue: e.total === null ? null : `${e.total}（${e.grade}）`, newValue: `${card.total}（${card.grade}），参数方案：${profile.name}` })),
      );
      return { fiscalYear, rescored: rescored.length, kept: await this.kept(fiscalYear) };
    });
  }

  /** Grade counts per department, the score distribution, and execution against score, within the caller's scope. */
  async summary(user: SessionUser, fiscalYear: number): Promise<SelfEvaluationSummaryDto> {
    const base = () => this.dataSource.createQueryBuilder(SelfEvaluation, 'e').innerJoin('organizations', 'u', 'u.id = e.unit_id').where('e.fiscal_year = :fiscalYear', { fiscalYear });
    const perDepartment = base()
      .innerJoin('organizations', 'd', 'd.id = u.parent_id')
      .select(['d.id AS department_id', 'd.name AS department_name', 'count(*) FILTER (WHERE e.total IS NULL)::int AS unfiled', 'count(*) FILTER (WHERE jsonb_array_length(e.flags) > 0)::int AS flagged'])
      .addSelect(GRADES.map((g, n) => `count(*) FILTER (WHERE e.total IS NOT NULL AND e.grade = '${g}')::int AS g${n}`))
      .groupBy('d.id')
      .addGroupBy('d.name')
      .orderBy('d.name');
    const bands = base()
      .select('least(floor(e.total / 10), 9)::int', 'band')
      .addSelect('count(*)::int', 'n')
      .andWhere('e.total IS NOT NULL')
      .groupBy('band');
    const points = base()
      .innerJoin('projects', 'p', 'p.id = e.project_id')
      .select(['e.id AS id', 'p.name AS project_name', 'e.total::text AS total', 'e.grade AS grade', 'jsonb_array_length(e.flags) > 0 AS flagged'])
      .addSelect('round(e.budget_executed / nullif(e.budget_initial + coalesce(e.budget_adjustment, 0), 0) * 100, 2)::text', 'rate')
      .andWhere('e.total IS NOT NULL')
      .orderBy('jsonb_array_length(e.flags)', 'DESC')
      .addOrderBy('e.id')
      .limit(MAX_POINTS);
    for (const query of [perDepartment, bands, points]) await this.scope.restrict(user, query, 'e.unit_id');
    const [departments, banded, plotted] = await Promise.all([perDepartment.getRawMany(), bands.getRawMany<{ band: number; n: number }>(), points.getRawMany()]);
    const count = (band: number) => banded.filter((b) => (band === 5 ? b.band <= 5 : b.band === band)).reduce((sum, b) => sum + b.n, 0);
    return {
      fiscalYear,
      evaluations: departments.reduce((sum, d) => sum + d.unfiled + GRADES.reduce((s, _, n) => s + d[`g${n}`], 0), 0),
      flagged: departments.reduce((sum, d) => sum + d.flagged, 0),
      byDepartment: departments.map((d) => ({ departmentId: d.department_id, departmentName: d.department_name, unfiled: d.unfiled, flagged: d.flagged, grades: Object.fromEntries(GRADES.map((g, n) => [g, d[`g${n}`]])) as Record<Grade, number> })),
      distribution: [{ from: 0, to: 60, count: count(5) }, ...[6, 7, 8, 9].map((b) => ({ from: b * 10, to: b * 10 + 10, count: count(b) }))],
      points: plotted.map((p) => ({ id: p.id, projectName: p.project_name, rate: p.rate, total: new Decimal(p.total).toFixed(2), grade: p.grade, flagged: p.flagged })),
    };
  }

  private async kept(fiscalYear: number): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM self_evaluations WHERE fiscal_year = $1 AND status <> 'draft'`, [fiscalYear]);
    return n;
  }
}

function budgetOf(e: { budgetInitial: string; budgetAdjustment: string | null; budgetExecuted: string | null }) {
  return { initial: e.budgetInitial, adjustment: e.budgetAdjustment, executed: e.budgetExecuted };
}
