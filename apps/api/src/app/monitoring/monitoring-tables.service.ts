import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportNoteDto, MonitoringReportDto, SaveMonitoringReportRequest, SessionUser } from '@pm/api-contract';
import { assessReport, Colour, percentOf, REPORT_FORMAT_CODES } from '@pm/domain';
import { readTables, TablesInput } from '../imports/workbook';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { RoundListLine } from '../exports/monitoring-report.workbook';
import { buildWorkbook } from '../exports/workbooks';
import { ExportFile } from '../exports/exports.service';
import { Organization } from '../organizations/organization.entity';
import { MonitoringReport } from './monitoring-report.entity';
import { MonitoringReportsService } from './monitoring-reports.service';
import { MonitoringRoundsService } from './monitoring-rounds.service';
import { MonitoringRow } from './monitoring-row.entity';
import { reportRowOf } from './report-rows';

export interface MonitoringImportResult {
  dryRun: boolean;
  reportId: string;
  rows: number;
  colour: Colour | null;
  errors: ImportNoteDto[];
}

/** The official 执行监控表 out (one project, or the round's list with colours) and a copy filled in Excel back in. */
@Injectable()
export class MonitoringTablesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly reports: MonitoringReportsService,
    private readonly rounds: MonitoringRoundsService,
  ) {}

  async reportFile(user: SessionUser, id: string): Promise<ExportFile> {
    const report = await this.reports.read(user, id);
    const unit = await this.dataSource.getRepository(Organization).findOneByOrFail({ id: (await this.reports.findVisible(user, id)).unitId });
    const department = unit.parentId ? await this.dataSource.getRepository(Organization).findOneBy({ id: unit.parentId }) : null;
    const round = await this.rounds.find(report.roundId);
    return { fileName: `${report.projectName} 绩效目标执行监控表（截至 ${report.cutoffDate}）.xlsx`, content: await buildWorkbook('monitoringReport', report, department?.name ?? '', round.fiscalYear) };
  }

  async roundFile(user: SessionUser, roundId: string): Promise<ExportFile> {
    const round = await this.rounds.find(roundId);
    const query = this.dataSource
      .createQueryBuilder(MonitoringReport, 'r')
      .innerJoin('projects', 'p', 'p.id = r.project_id')
      .innerJoin('organizations', 'u', 'u.id = r.unit_id')
      .leftJoin('organizations', 'd', 'd.id = u.parent_id')
      .select(['r.id AS id', 'r.project_id AS project_id', 'p.code AS project_code', 'p.name AS project_name', 'u.name AS unit_name', 'd.name AS department_name', 'r.status AS status', 'r.colour AS colour', 'r.version AS version'])
      .addSelect('r.budget_annual::text', 'annual')
      .addSelect('r.budget_executed::text', 'executed')
      .addSelect("r.budget_warning->>'ratio'", 'budget_ratio')
      .addSelect("r.budget_warning->>'colour'", 'budget_colour')
      .addSelect("(SELECT count(*)::int FROM monitoring_rows w WHERE w.report_id = r.id AND w.colour = 'red')", 'red_rows')
      .where('r.round_id = :roundId', { roundId });
    await this.scope.restrict(user, query, 'r.unit_id');
    const rows = await query.orderBy('d.name').addOrderBy('u.name').addOrderBy('p.name').getRawMany();
    const lines: RoundListLine[] = rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      projectCode: r.project_code,
      projectName: r.project_name,
      unitName: r.unit_name,
      departmentName: r.department_name ?? '',
      status: r.status,
      colour: r.colour,
      version: r.version,
      annual: r.annual,
      executed: r.executed,
      rate: r.executed === null ? null : rateText(r.executed, r.annual),
      budgetColour: r.budget_colour,
      redRows: r.red_rows,
    }));
    const title = `${round.fiscalYear} 年项目支出绩效运行监控预警汇总表（截至 ${round.cutoffDate}）`;
    return { fileName: `${title}.xlsx`, content: await buildWorkbook('monitoringRound', title, lines) };
  }

  /**
   * A monitoring table filled in Excel into its report: rows matched by the export's 指标编号, else by
   * 一级/二级/三级; every row that does not belong, or holds a value of the wrong form, is refused with
   * its row; nothing is stored on a dry run or when anything is wrong.
   */
  async importReport(user: SessionUser, id: string, sources: TablesInput, dryRun: boolean): Promise<MonitoringImportResult> {
    const found = await this.reports.findVisible(user, id);
    // a dry run is refused exactly as the real run would be: by the chain and by a closed round
    await this.reports.assertChangeable(user, found, 'import');
    const reading = await readTables('monitoringTable', sources);
    const rows = await this.dataSource.getRepository(MonitoringRow).find({ where: { reportId: id }, order: { position: 'ASC' } });
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    const byName = new Map(rows.map((r) => [`${r.level1}/${r.level2}/${r.name}`, r]));
    const errors: ImportNoteDto[] = [...reading.errors];
    const body: SaveMonitoringReportRequest = { version: found.version, budget: { executed: reading.executed, forecast: reading.forecast }, ...(reading.goalProgress !== null ? { goalProgress: reading.goalProgress } : {}), indicators: [] };
    const sourceRow = new Map<string, number>();
    for (const r of reading.rows) {
      const row = (r.indicatorId ? byId.get(r.indicatorId) : undefined) ?? byName.get(`${r.level1}/${r.level2}/${r.name}`);
      if (!row) {
        errors.push({ source: reading.source ?? '', row: r.row, column: '三级指标', message: `指标“${r.name}”不在本监控表中（${r.level1} › ${r.level2}）` });
        continue;
      }
      sourceRow.set(row.indicatorId, r.row);
      body.indicators.push({ indicatorId: row.indicatorId, current: r.current, forecast: r.forecast, likelihood: r.likelihood, reasons: r.reasons, reasonNote: r.reasonNote, measures: r.measures });
    }
    // the values as the save would check them, each tied to its row in the file
    const round = await this.rounds.find(found.roundId);
    const merged = rows.map((r) => ({ ...reportRowOf(r), ...Object.fromEntries(Object.entries(body.indicators.find((i) => i.indicatorId === r.indicatorId) ?? {}).filter(([k]) => k !== 'indicatorId')) }));
    const assessed = assessReport({ annual: found.budgetAnnual, executed: reading.executed, forecast: reading.forecast }, merged as never, round.cutoffMonth, round.parameters.warningRules, round.parameters.deviationCategories);
    for (const c of assessed.checks.filter((c) => (REPORT_FORMAT_CODES as readonly string[]).includes(c.code))) {
      const at = c.row ? sourceRow.get(rows[c.row - 1].indicatorId) : undefined;
      errors.push({ source: reading.source ?? '', row: at ?? 0, column: c.field, message: c.message.replace(/^第 \d+ 行/, '') });
    }
    const result: MonitoringImportResult = { dryRun, reportId: id, rows: body.indicators.length, colour: assessed.colour, errors };
    if (errors.length) throw badRequest(`监控表有 ${errors.length} 处问题，未导入任何内容`, errors.map((e) => ({ row: e.row, ...(e.column ? { field: e.column } : {}), message: `${e.source} 第 ${e.row} 行：${e.message}` })), { preview: result });
    if (!dryRun) await this.dataSource.transaction((db) => this.reports.saveIn(db, user, found, body, 'import'));
    return result;
  }

  read(user: SessionUser, id: string): Promise<MonitoringReportDto> {
    return this.reports.read(user, id);
  }
}

function rateText(executed: string, annual: string): string | null {
  const a = new Decimal(annual);
  return a.isZero() ? null : percentOf(new Decimal(executed).div(a));
}
