import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ColourCounts, MonitoringReportListItem, MonitoringRoundDto, OpenMonitoringRoundRequest, Page, RoundDashboardDto, SessionUser } from '@pm/api-contract';
import { Colour, percentOf, SheetStatus } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource, EntityManager, In } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { Organization } from '../organizations/organization.entity';
import { SettingsService } from '../settings/settings.service';
import { MonitoringReport } from './monitoring-report.entity';
import { MonitoringRound } from './monitoring-round.entity';

type CountRow = { blue: number; green: number; yellow: number; red: number; pending: number; reports: number };
const COUNTS = `count(*) FILTER (WHERE r.colour = 'blue')::int AS blue, count(*) FILTER (WHERE r.colour = 'green')::int AS green,
  count(*) FILTER (WHERE r.colour = 'yellow')::int AS yellow, count(*) FILTER (WHERE r.colour = 'red')::int AS red,
  count(*) FILTER (WHERE r.colour IS NULL)::int AS pending, count(*)::int AS reports`;
const coloursOf = (c: CountRow | undefined): ColourCounts => ({ blue: c?.blue ?? 0, green: c?.green ?? 0, yellow: c?.yellow ?? 0, red: c?.red ?? 0, pending: c?.pending ?? 0 });

/**
 * 监控批次: finance opens one per cut-off — one report per project whose target sheet is approved,
 * from the version in force, in a few set-based statements — closes and reopens it with a logged
 * reason; everyone sees its counts and dashboard within their scope.
 */
@Injectable()
export class MonitoringRoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly fiscalYears: FiscalYearsService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  /** Opens the round, or — for the same year and cut-off — adds the projects approved since and answers the same round. */
  async open(user: SessionUser, body: OpenMonitoringRoundRequest): Promise<MonitoringRoundDto> {
    await this.fiscalYears.assertOpen(body.fiscalYear);
    const cutoffMonth = Number(body.cutoffDate.slice(5, 7));
    if (Number(body.cutoffDate.slice(0, 4)) !== body.fiscalYear) throw badRequest(`截至日期 ${body.cutoffDate} 不在 ${body.fiscalYear} 年度内`, [{ field: 'cutoffDate', message: '截至日期应在预算年度内' }]);
    if (body.deadline < body.cutoffDate) throw badRequest(`填报截止日期 ${body.deadline} 早于截至日期 ${body.cutoffDate}`, [{ field: 'deadline', message: '填报截止日期不能早于截至日期' }]);
    const departmentIds = body.departmentIds?.length ? [...new Set(body.departmentIds)] : null;
    if (departmentIds) {
      const found = await this.dataSource.getRepository(Organization).countBy({ id: In(departmentIds), kind: 'department' });
      if (found !== departmentIds.length) throw badRequest('所选范围中有不是主管部门的机构', [{ field: 'departmentIds', message: '请选择主管部门' }]);
    }
    const profile = await this.settings.profileForYear(body.fiscalYear);
    const id = await this.dataSource.transaction(async (db) => {
      await db
        .createQueryBuilder()
        .insert()
        .into(MonitoringRound)
        .values({ fiscalYear: body.fiscalYear, cutoffDate: body.cutoffDate, cutoffMonth, deadline: body.deadline, departmentIds, parameters: { warningRules: profile.warningRules, deviationCategories: profile.deviationCategories }, profileName: profile.name, createdBy: user.id, updatedBy: user.id })
        .orIgnore()
        .execute();
      const round = await db.findOneOrFail(MonitoringRound, { where: { fiscalYear: body.fiscalYear, cutoffDate: body.cutoffDate }, lock: { mode: 'pessimistic_write' } });
      if (round.status === 'closed') throw new ConflictException(`截至 ${round.cutoffDate} 的监控批次已关闭，请先重新开启`);
      const added = await this.addReports(db, user, round);
      await this.audit.record(db, user, [{ entity: 'monitoring_round', entityId: round.id, organizationId: null, action: 'open', field: `截至 ${round.cutoffDate}`, newValue: `新增 ${added} 张监控表，填报截止 ${round.deadline}` }]);
      return round.id;
    });
    return this.get(user, id);
  }

  /** One report per approved project of the round's year and scope not yet in it, with the rows of the version in force. */
  private async addReports(db: EntityManager, user: SessionUser, round: MonitoringRound): Promise<number> {
    const reports: { id: string }[] = await db.query(
      `INSERT INTO monitoring_reports (round_id, project_id, unit_id, sheet_version_id, budget_annual, status, version, created_by, updated_by)
       SELECT $1, p.id, p.unit_id, s.in_force_version_id, coalesce((v.snapshot->'funds'->>'total')::numeric, p.funds_total), 'draft', 0, $2, $2
       FROM projects p
       JOIN target_sheets s ON s.project_id = p.id AND s.in_force_version_id IS NOT NULL
       JOIN document_versions v ON v.id = s.in_force_version_id
       JOIN organizations u ON u.id = p.unit_id
       WHERE p.fiscal_year = $3 AND ($4::uuid[] IS NULL OR u.parent_id = ANY($4::uuid[]))
       ON CONFLICT (round_id, project_id) DO NOTHING
       RETURNING id`,
      [round.id, user.id, round.fiscalYear, round.departmentIds],
    );
    if (reports.length === 0) return 0;
    await db.query(
      `INSERT INTO monitoring_rows (report_id, indicator_id, position, level1, level2, name, comparator, value, unit, kind, weight, evidence_required)
       SELECT r.id, (e->>'id')::uuid, x.n, e->>'level1', e->>'level2', e->>'name', e->>'comparator', coalesce(e->>'value', ''), coalesce(e->>'unit', ''), e->>'kind',
              nullif(e->>'weight', '')::numeric, coalesce(e->>'evidence', '')
       FROM monitoring_reports r
       JOIN document_versions v ON v.id = r.sheet_version_id,
       LATERAL jsonb_array_elements(v.snapshot->'indicators') WITH ORDINALITY AS x(e, n)
       WHERE r.id = ANY($1::uuid[])`,
      [reports.map((r) => r.id)],
    );
    return reports.length;
  }

  async list(user: SessionUser, fiscalYear?: number): Promise<Page<MonitoringRoundDto>> {
    const rounds = await this.dataSource.getRepository(MonitoringRound).find({ where: fiscalYear ? { fiscalYear } : {}, order: { cutoffDate: 'DESC' } });
    const counts = await this.counts(user, rounds.map((r) => r.id));
    return { items: rounds.map((r) => this.describe(r, counts.get(r.id))), total: rounds.length };
  }

  async get(user: SessionUser, id: string): Promise<MonitoringRoundDto> {
    const round = await this.find(id);
    return this.describe(round, (await this.counts(user, [id])).get(id));
  }

  /** Closes the round (its leads can no longer file) or reopens it; either is audited with its reason. */
  async setStatus(user: SessionUser, id: string, status: 'open' | 'closed', reason: string): Promise<MonitoringRoundDto> {
    if (status === 'open' && !reason.trim()) throw badRequest('重新开启监控批次时请填写原因', [{ field: 'reason', message: '请填写原因' }]);
    await this.dataSource.transaction(async (db) => {
      const round = await db.findOne(MonitoringRound, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!round) throw new NotFoundException('未找到该监控批次');
      if (round.status === status) throw new ConflictException(status === 'closed' ? '该监控批次已关闭' : '该监控批次未关闭');
      await db.update(MonitoringRound, { id }, { status, updatedBy: user.id });
      await this.audit.record(db, user, [{ entity: 'monitoring_round', entityId: id, organizationId: null, action: status === 'closed' ? 'close' : 'reopen', field: 'status', oldValue: round.status, newValue: reason.trim() ? `${status}：${reason.trim()}` : status }]);
    });
    return this.get(user, id);
  }

  async reports(user: SessionUser, id: string, filter: { colour?: Colour | 'pending'; status?: SheetStatus; projectId?: string; page?: number; pageSize?: number }): Promise<Page<MonitoringReportListItem>> {
    await this.find(id);
    const pageSize = filter.pageSize ?? 50;
    const query = this.dataSource
      .createQueryBuilder(MonitoringReport, 'r')
      .innerJoin('projects', 'p', 'p.id = r.project_id')
      .innerJoin('organizations', 'u', 'u.id = r.unit_id')
      .select(['r.id AS id', 'r.project_id AS project_id', 'p.code AS project_code', 'p.name AS project_name', 'u.name AS unit_name', 'r.status AS status', 'r.colour AS colour', 'r.version AS version'])
      .where('r.round_id = :id', { id });
    await this.scope.restrict(user, query, 'r.unit_id');
    if (filter.colour === 'pending') query.andWhere('r.colour IS NULL');
    else if (filter.colour) query.andWhere('r.colour = :colour', { colour: filter.colour });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.projectId) query.andWhere('r.project_id = :projectId', { projectId: filter.projectId });
    const [total, rows] = await Promise.all([
      query.getCount(),
      query
        .orderBy("array_position(ARRAY['red','yellow','green','blue']::varchar[], r.colour)", 'ASC', 'NULLS LAST')
        .addOrderBy('u.name')
        .addOrderBy('p.name')
        .offset(((filter.page ?? 1) - 1) * pageSize)
        .limit(pageSize)
        .getRawMany(),
    ]);
    return {
      total,
      items: rows.map((r) => ({ id: r.id, projectId: r.project_id, projectCode: r.project_code, projectName: r.project_name, unitName: r.unit_name, status: r.status, colour: r.colour, version: r.version })),
    };
  }

  /** Counts per colour per department, and each department's budget execution against time progress. */
  async dashboard(user: SessionUser, id: string): Promise<RoundDashboardDto> {
    const round = await this.get(user, id);
    const query = this.dataSource
      .createQueryBuilder(MonitoringReport, 'r')
      .innerJoin('organizations', 'u', 'u.id = r.unit_id')
      .innerJoin('organizations', 'd', 'd.id = u.parent_id')
      .select(['d.id AS department_id', 'd.name AS department_name', COUNTS])
      .addSelect('coalesce(sum(r.budget_annual) FILTER (WHERE r.budget_executed IS NOT NULL), 0)::text', 'annual')
      .addSelect('coalesce(sum(r.budget_executed), 0)::text', 'executed')
      .where('r.round_id = :id', { id })
      .groupBy('d.id')
      .addGroupBy('d.name')
      .orderBy('d.name');
    await this.scope.restrict(user, query, 'r.unit_id');
    const rows = await query.getRawMany<CountRow & { department_id: string; department_name: string; annual: string; executed: string }>();
    return {
      round,
      timeProgress: percentOf(new Decimal(round.cutoffMonth).div(12)),
      colours: round.colours,
      departments: rows.map((r) => ({
        departmentId: r.department_id,
        departmentName: r.department_name,
        ...coloursOf(r),
        annual: new Decimal(r.annual).toFixed(2),
        executed: new Decimal(r.executed).toFixed(2),
        rate: new Decimal(r.annual).isZero() ? null : percentOf(new Decimal(r.executed).div(r.annual)),
      })),
    };
  }

  async find(id: string): Promise<MonitoringRound> {
    const round = await this.dataSource.getRepository(MonitoringRound).findOneBy({ id });
    if (!round) throw new NotFoundException('未找到该监控批次');
    return round;
  }

  private async counts(user: SessionUser, roundIds: string[]): Promise<Map<string, CountRow>> {
    if (roundIds.length === 0) return new Map();
    const query = this.dataSource.createQueryBuilder(MonitoringReport, 'r').select(['r.round_id AS round_id', COUNTS]).where('r.round_id IN (:...roundIds)', { roundIds }).groupBy('r.round_id');
    await this.scope.restrict(user, query, 'r.unit_id');
    const rows = await query.getRawMany<CountRow & { round_id: string }>();
    return new Map(rows.map((r) => [r.round_id, r]));
  }

  private describe(r: MonitoringRound, counts: CountRow | undefined): MonitoringRoundDto {
    return {
      id: r.id,
      fiscalYear: r.fiscalYear,
      cutoffDate: r.cutoffDate,
      cutoffMonth: r.cutoffMonth,
      deadline: r.deadline,
      status: r.status,
      departmentIds: r.departmentIds,
      profileName: r.profileName,
      reports: counts?.reports ?? 0,
      colours: coloursOf(counts),
    };
  }
}
