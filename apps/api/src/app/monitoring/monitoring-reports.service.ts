import { ConflictException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BudgetCutRequest, MonitoringReportDto, MonitoringTrendItem, Page, ReviewRequest, RowCommentDto, SaveMonitoringReportRequest, SessionUser } from '@pm/api-contract';
import { assessReport, ChainAction, decimalOf, percentOf, REPORT_FORMAT_CODES } from '@pm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { EvidenceService } from '../evidence/evidence.service';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { ReviewHistory } from '../review/review-history.service';
import { refuseUnless, ReviewRunner } from '../review/review-runner.service';
import { TargetSheet } from '../targets/target-sheet.entity';
import { TargetSheetsService } from '../targets/target-sheets.service';
import { BudgetCutsService } from './budget-cuts.service';
import { MonitoringReportKind } from './monitoring-report.kind';
import { MonitoringReport } from './monitoring-report.entity';
import { MonitoringRound } from './monitoring-round.entity';
import { MonitoringRow } from './monitoring-row.entity';
import { reportRowOf, toMonitoringIndicatorDto } from './report-rows';
import { blankToNull } from '../common/text';

export type ReportTransition = Extract<ChainAction, 'submit' | 'approve' | 'return'>;

/** Reading, filing and reviewing a 绩效运行监控表; warnings are recomputed on every save with the round's parameters. */
@Injectable()
export class MonitoringReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly runner: ReviewRunner,
    private readonly history: ReviewHistory,
    private readonly audit: AuditService,
    private readonly evidence: EvidenceService,
    private readonly budgetCuts: BudgetCutsService,
    private readonly sheets: TargetSheetsService,
    readonly kind: MonitoringReportKind,
  ) {}

  /** Evidence of a report changes as its content does: by its lead while the chain lets them save and the round is open. */
  onModuleInit(): void {
    this.evidence.registerOwner(this.kind.chain.kind, {
      assertChangeable: async (user, id) => {
        const report = await this.findVisible(user, id);
        await this.assertChangeable(user, report, 'save');
        return report.unitId;
      },
    });
  }

  /** What a save or an import would refuse before anything is written: the chain's decision and a closed round. */
  async assertChangeable(user: SessionUser, report: MonitoringReport, action: 'save' | 'import'): Promise<void> {
    refuseUnless(await this.runner.decision(user, this.kind, report, report, action));
    await this.kind.check(this.dataSource.manager, report, report, action, null);
  }

  /** The report when the user may read it; 404 otherwise. */
  async findVisible(user: SessionUser, id: string): Promise<MonitoringReport> {
    const report = await this.dataSource.getRepository(MonitoringReport).findOneBy({ id });
    if (!report) throw new NotFoundException('未找到该监控表，或您无权查看');
    await this.scope.assertReadable(user, report.unitId);
    return report;
  }

  async read(user: SessionUser, id: string): Promise<MonitoringReportDto> {
    const report = await this.findVisible(user, id);
    const db = this.dataSource.manager;
    const [round, rows, project, unit] = await Promise.all([
      db.findOneByOrFail(MonitoringRound, { id: report.roundId }),
      db.find(MonitoringRow, { where: { reportId: id }, order: { position: 'ASC' } }),
      db.findOneByOrFail(Project, { id: report.projectId }),
      db.findOneByOrFail(Organization, { id: report.unitId }),
    ]);
    const budget = { annual: report.budgetAnnual, executed: report.budgetExecuted, forecast: report.budgetForecast };
    const { checks } = assessReport(budget, rows.map(reportRowOf), round.cutoffMonth, round.parameters.warningRules, round.parameters.deviationCategories);
    const evidence = await this.evidence.list(this.kind.chain.kind, id);
    const withFiles = new Set(evidence.map((e) => e.indicatorId));
    const sheet = await db.findOneBy(TargetSheet, { projectId: report.projectId });
    const fromHere = sheet?.adjustmentSource?.reportId === id;
    return {
      id,
      version: report.version,
      status: report.status,
      roundId: round.id,
      cutoffDate: round.cutoffDate,
      cutoffMonth: round.cutoffMonth,
      deadline: round.deadline,
      roundStatus: round.status,
      projectId: project.id,
      projectCode: project.code,
      projectName: project.name,
      unitName: unit.name,
      goal: project.overallGoal,
      budget: { ...budget, rate: rateOf(budget.executed, budget.annual), warning: report.budgetWarning },
      goalProgress: report.goalProgress,
      indicators: rows.map(toMonitoringIndicatorDto),
      colour: report.colour,
      checks,
      actions: await this.runner.actionsFor(user, this.kind, report, report),
      profile: { name: round.profileName, ...round.parameters },
      sinceReturn: await this.sinceReturn(report, rows),
      evidence,
      missingEvidence: rows.filter((r) => r.evidenceRequired.trim() && !withFiles.has(r.indicatorId)).map((r) => r.indicatorId),
      adjustment: fromHere && sheet ? { projectId: project.id, status: sheet.status, isAdjustment: sheet.isAdjustment } : null,
      budgetCut: await this.budgetCuts.ofReport(user, id),
    };
  }

  /** Saves what the lead reports and stores every warning it gives; 400 row-tied for values of the wrong form, 409 when stale. */
  async save(user: SessionUser, id: string, body: SaveMonitoringReportRequest): Promise<MonitoringReportDto> {
    const report = await this.findVisible(user, id);
    await this.dataSource.transaction((db) => this.saveIn(db, user, report, body, 'save'));
    return this.read(user, id);
  }

  /** The save inside the caller's transaction (the workbook import uses it with `import`). */
  async saveIn(db: EntityManager, user: SessionUser, found: MonitoringReport, body: SaveMonitoringReportRequest, action: 'save' | 'import'): Promise<void> {
    const report = await this.runner.openForChange(db, user, this.kind, found, action, body.version);
    const round = await db.findOneByOrFail(MonitoringRound, { id: report.roundId });
    const rows = await db.find(MonitoringRow, { where: { reportId: report.id }, order: { position: 'ASC' } });
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    body.indicators.forEach((input, i) => {
      const row = byId.get(input.indicatorId);
      if (!row) throw badRequest(`第 ${i + 1} 条：指标编号不在本监控表中，请刷新后重试`, [{ row: i + 1, field: 'indicatorId', message: '指标编号不在本监控表中' }]);
      Object.assign(row, {
        ...(input.current !== undefined ? { current: blankToNull(input.current) } : {}),
        ...(input.forecast !== undefined ? { forecast: blankToNull(input.forecast) } : {}),
        ...(input.likelihood !== undefined ? { likelihood: blankToNull(input.likelihood) } : {}),
        ...(input.reasons !== undefined ? { reasons: [...new Set(input.reasons)] } : {}),
        ...(input.reasonNote !== undefined ? { reasonNote: input.reasonNote.trim() } : {}),
        ...(input.measures !== undefined ? { measures: input.measures.trim() } : {}),
      });
    });
    const budget = { annual: report.budgetAnnual, executed: blankToNull(body.budget.executed), forecast: blankToNull(body.budget.forecast) };
    for (const [field, text] of [['budget.executed', budget.executed], ['budget.forecast', budget.forecast]] as const) {
      if (decimalOf(text)?.abs().greaterThanOrEqualTo('1e16')) throw badRequest(`金额 ${text} 过大，请以元为单位填写`, [{ field, message: '金额过大' }]);
    }
    const assessed = assessReport(budget, rows.map(reportRowOf), round.cutoffMonth, round.parameters.warningRules, round.parameters.deviationCategories);
    const wrong = assessed.checks.filter((c) => (REPORT_FORMAT_CODES as readonly string[]).includes(c.code));
    if (wrong.length) throw badRequest(`有 ${wrong.length} 处填写有误，未保存`, wrong.map((c) => ({ ...(c.row ? { row: c.row } : {}), field: c.field ?? undefined, message: c.message })));

    await db.query(
      `UPDATE monitoring_rows t SET current = u.current, forecast = u.forecast, likelihood = u.likelihood, reasons = u.reasons, reason_note = u.reason_note, measures = u.measures, colour = u.colour, warning = u.warning
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[], $6::text[], $7::text[], $8::varchar[], $9::jsonb[]) AS u(id, current, forecast, likelihood, reasons, reason_note, measures, colour, warning)
       WHERE t.id = u.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.current),
        rows.map((r) => r.forecast),
        rows.map((r) => r.likelihood),
        rows.map((r) => JSON.stringify(r.reasons)),
        rows.map((r) => r.reasonNote),
        rows.map((r) => r.measures),
        assessed.rows.map((w) => w?.colour ?? null),
        assessed.rows.map((w) => (w ? JSON.stringify(w) : null)),
      ],
    );
    await this.runner.changed(db, user, this.kind, report, {
      budgetExecuted: decimalOf(budget.executed)?.toFixed(2) ?? null,
      budgetForecast: decimalOf(budget.forecast)?.toFixed(2) ?? null,
      budgetWarning: assessed.budget,
      goalProgress: body.goalProgress?.trim() ?? report.goalProgress,
      colour: assessed.colour,
    });
    const changes = [
      { field: '执行数', oldValue: report.budgetExecuted, newValue: budget.executed },
      { field: '预警', oldValue: report.colour, newValue: assessed.colour },
    ].filter((c) => c.oldValue !== c.newValue);
    await this.audit.record(db, user, [{ entity: 'monitoring_report', entityId: report.id, organizationId: report.unitId, action, field: 'content', newValue: `版本 ${report.version + 1}` }, ...changes.map((c) => ({ entity: 'monitoring_report', entityId: report.id, organizationId: report.unitId, action, ...c }))]);
  }

  async transition(user: SessionUser, id: string, action: ReportTransition, body: ReviewRequest): Promise<MonitoringReportDto> {
    const report = await this.findVisible(user, id);
    await this.dataSource.transaction((db) => this.runner.transition(db, user, this.kind, report, action, body));
    return this.read(user, id);
  }

  /**
   * A red report leads into a target adjustment (调整): the approved sheet gets its adjustment draft
   * through the chain (the lead's), which names this report and its red rows; both link to each other.
   */
  async startAdjustment(user: SessionUser, id: string): Promise<MonitoringReportDto> {
    const report = await this.findVisible(user, id);
    if (report.colour !== 'red') throw new ConflictException('只有红色预警的监控表可以据此发起目标调整');
    await this.dataSource.transaction(async (db) => {
      const project = await db.findOneByOrFail(Project, { id: report.projectId });
      const round = await db.findOneByOrFail(MonitoringRound, { id: report.roundId });
      const sheet = await this.runner.lock(db, this.sheets.kind, project);
      if (!sheet) throw new ConflictException('该项目没有绩效目标表');
      if (sheet.status === 'approved') await this.runner.transition(db, user, this.sheets.kind, project, 'adjust', { comment: `根据截至 ${round.cutoffDate} 的监控预警（红）发起调整` });
      else if (!(sheet.isAdjustment && sheet.status === 'draft')) throw new ConflictException('绩效目标正在审核中，不能再发起调整');
      else await this.sheets.assertAuthor(user, project);
      const red = await db.find(MonitoringRow, { where: { reportId: id, colour: 'red' }, order: { position: 'ASC' } });
      await db.update(TargetSheet, { id: sheet.id }, { adjustmentSource: { reportId: id, cutoffDate: round.cutoffDate, indicatorIds: red.map((r) => r.indicatorId) } });
      await this.audit.record(db, user, [{ entity: 'monitoring_report', entityId: id, organizationId: report.unitId, action: 'adjustment', field: '目标调整', newValue: `${red.length} 条红色预警指标` }]);
    });
    return this.read(user, id);
  }

  async requestBudgetCut(user: SessionUser, id: string, body: BudgetCutRequest): Promise<MonitoringReportDto> {
    await this.budgetCuts.request(user, await this.findVisible(user, id), body);
    return this.read(user, id);
  }

  /** A project's reports across the rounds of a year: its trend. */
  async trend(user: SessionUser, filter: { projectId?: string; fiscalYear?: number; page?: number; pageSize?: number }): Promise<Page<MonitoringTrendItem>> {
    const pageSize = filter.pageSize ?? 50;
    const query = this.dataSource
      .createQueryBuilder(MonitoringReport, 'r')
      .innerJoin(MonitoringRound, 'o', 'o.id = r.round_id')
      .select(['r.id AS id', 'r.round_id AS round_id', "to_char(o.cutoff_date, 'YYYY-MM-DD') AS cutoff_date", 'o.cutoff_month AS cutoff_month', 'r.status AS status', 'r.colour AS colour', 'r.budget_annual::text AS annual', 'r.budget_executed::text AS executed']);
    await this.scope.restrict(user, query, 'r.unit_id');
    if (filter.projectId) query.andWhere('r.project_id = :projectId', { projectId: filter.projectId });
    if (filter.fiscalYear) query.andWhere('o.fiscal_year = :year', { year: filter.fiscalYear });
    const [total, rows] = await Promise.all([query.getCount(), query.orderBy('o.cutoff_date', 'DESC').offset(((filter.page ?? 1) - 1) * pageSize).limit(pageSize).getRawMany()]);
    return { total, items: rows.map((r) => ({ id: r.id, roundId: r.round_id, cutoffDate: r.cutoff_date, cutoffMonth: r.cutoff_month, status: r.status, colour: r.colour, budgetRate: rateOf(r.executed, r.annual) })) };
  }

  private async sinceReturn(report: MonitoringReport, rows: MonitoringRow[]): Promise<MonitoringReportDto['sinceReturn']> {
    if (!report.returnedVersionId || report.status === 'approved') return null;
    const returned = await this.history.byId(report.returnedVersionId);
    if (!returned) return null;
    const before = new Map(((returned.snapshot as { indicators?: { id: string; current: string | null; forecast: string | null; reasonNote: string; measures: string }[] }).indicators ?? []).map((r) => [r.id, r]));
    const rowComments: RowCommentDto[] = (returned.rowComments ?? []).map((c) => {
      const at = rows.findIndex((r) => r.indicatorId === c.indicatorId);
      const was = c.indicatorId ? before.get(c.indicatorId) : undefined;
      const now = at >= 0 ? rows[at] : undefined;
      const changed = !!was && !!now && (was.current !== now.current || was.forecast !== now.forecast || was.reasonNote !== now.reasonNote || was.measures !== now.measures);
      return { indicatorId: c.indicatorId, row: at >= 0 ? at + 1 : null, message: c.message, resolved: changed };
    });
    return { comment: returned.comment, rowComments };
  }
}


function rateOf(executed: string | null, annual: string): string | null {
  const e = decimalOf(executed);
  const a = decimalOf(annual);
  return e && a && !a.isZero() ? percentOf(e.div(a)) : null;
}
