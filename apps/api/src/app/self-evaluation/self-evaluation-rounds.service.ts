import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OpenSelfEvaluationRoundRequest, Page, SelfEvaluationRoundDto, SessionUser } from '@pm/api-contract';
import { scoringParametersOf } from '@pm/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { SettingsService } from '../settings/settings.service';
import { SelfEvaluationRound } from './self-evaluation-round.entity';

/**
 * Finance opens the year-end self-evaluation of a fiscal year: one 自评表 per project whose sheet has
 * a version in force, prefilled from that version (indicator ids, 指标值, weights, 年初预算数, goal) with
 * the latest monitoring forecast beside each row; opening again adds the projects approved since
 * (and keeps the round's first deadline).
 */
@Injectable()
export class SelfEvaluationRoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fiscalYears: FiscalYearsService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  async open(user: SessionUser, body: OpenSelfEvaluationRoundRequest): Promise<SelfEvaluationRoundDto> {
    await this.fiscalYears.assertExists(body.fiscalYear);
    if (Number(body.deadline.slice(0, 4)) < body.fiscalYear) throw badRequest(`填报截止日期 ${body.deadline} 早于 ${body.fiscalYear} 年度`, [{ field: 'deadline', message: '截止日期不能早于该年度' }]);
    const { id: profileId, profile } = await this.settings.profileRecordForYear(body.fiscalYear);
    const parameters = { ...scoringParametersOf(profile), id: profileId };
    const id = await this.dataSource.transaction(async (db) => {
      await db.createQueryBuilder().insert().into(SelfEvaluationRound).values({ fiscalYear: body.fiscalYear, deadline: body.deadline, createdBy: user.id, updatedBy: user.id }).orIgnore().execute();
      const round = await db.findOneOrFail(SelfEvaluationRound, { where: { fiscalYear: body.fiscalYear }, lock: { mode: 'pessimistic_write' } });
      const added: { id: string }[] = await db.query(
        `INSERT INTO self_evaluations (round_id, fiscal_year, project_id, unit_id, sheet_version_id, budget_initial, goal, parameters, status, version, created_by, updated_by)
         SELECT $1, p.fiscal_year, p.id, p.unit_id, s.in_force_version_id, coalesce((v.snapshot->'funds'->>'total')::numeric, p.funds_total),
                coalesce(v.snapshot->>'overallGoal', p.overall_goal), $2::jsonb, 'draft', 0, $3, $3
         FROM projects p
         JOIN target_sheets s ON s.project_id = p.id AND s.in_force_version_id IS NOT NULL
         JOIN document_versions v ON v.id = s.in_force_version_id
         WHERE p.fiscal_year = $4
         ON CONFLICT (project_id) DO NOTHING
         RETURNING id`,
        [round.id, JSON.stringify(parameters), user.id, body.fiscalYear],
      );
      if (added.length) {
        // the latest monitoring forecast of each indicator, found once for the projects added (not per row)
        await db.query(
          `WITH added AS (SELECT id, project_id, sheet_version_id FROM self_evaluations WHERE id = ANY($1::uuid[])),
                latest AS (
                  SELECT DISTINCT ON (w.indicator_id) w.indicator_id, w.forecast
                  FROM monitoring_rows w JOIN monitoring_reports r ON r.id = w.report_id JOIN monitoring_rounds o ON o.id = r.round_id
                  WHERE r.project_id IN (SELECT project_id FROM added) AND w.forecast IS NOT NULL
                  ORDER BY w.indicator_id, o.cutoff_date DESC)
           INSERT INTO self_evaluation_rows (evaluation_id, indicator_id, position, level1, level2, name, comparator, value, unit, kind, weight, scoring_rule, evidence_required, forecast)
           SELECT e.id, (x.e->>'id')::uuid, x.n, x.e->>'level1', x.e->>'level2', x.e->>'name', x.e->>'comparator', coalesce(x.e->>'value', ''), coalesce(x.e->>'unit', ''), x.e->>'kind',
                  nullif(x.e->>'weight', '')::numeric, coalesce(x.e->>'scoringRule', ''), coalesce(x.e->>'evidence', ''), latest.forecast
           FROM added e
           JOIN document_versions v ON v.id = e.sheet_version_id
           CROSS JOIN LATERAL jsonb_array_elements(v.snapshot->'indicators') WITH ORDINALITY AS x(e, n)
           LEFT JOIN latest ON latest.indicator_id = (x.e->>'id')::uuid`,
          [added.map((a) => a.id)],
        );
      }
      await this.audit.record(db, user, [{ entity: 'self_evaluation_round', entityId: round.id, organizationId: null, action: 'open', field: `${body.fiscalYear} 年度`, newValue: `新增 ${added.length} 张自评表，填报截止 ${body.deadline}，参数方案：${profile.name}` }]);
      return round.id;
    });
    return this.get(id);
  }

  async list(fiscalYear?: number): Promise<Page<SelfEvaluationRoundDto>> {
    const rounds = await this.dataSource.getRepository(SelfEvaluationRound).find({ where: fiscalYear ? { fiscalYear } : {}, order: { fiscalYear: 'DESC' } });
    const items = await Promise.all(rounds.map((r) => this.get(r.id)));
    return { items, total: items.length };
  }

  async get(id: string): Promise<SelfEvaluationRoundDto> {
    const round = await this.dataSource.getRepository(SelfEvaluationRound).findOneBy({ id });
    if (!round) throw new NotFoundException('未找到该自评批次');
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM self_evaluations WHERE round_id = $1', [id]);
    return { id: round.id, fiscalYear: round.fiscalYear, deadline: round.deadline, evaluations: n };
  }
}
