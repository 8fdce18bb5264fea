import { ConflictException, Injectable } from '@nestjs/common';
import { assessReport, MONITORING_REPORT_CHAIN } from '@pm/domain';
import { EntityManager } from 'typeorm';
import { blockedByChecks } from '../common/api-error';
import { ReviewedKind } from '../review/reviewed-kind';
import { MonitoringReport } from './monitoring-report.entity';
import { MonitoringRound } from './monitoring-round.entity';
import { MonitoringRow } from './monitoring-row.entity';
import { reportRowOf } from './report-rows';

const AUTHOR_ACTIONS = ['save', 'import', 'submit'];

/** A monitoring report on the review chain: opened by its round (never by a first save), frozen for its lead while the round is closed. */
@Injectable()
export class MonitoringReportKind implements ReviewedKind<MonitoringReport, MonitoringReport> {
  readonly chain = MONITORING_REPORT_CHAIN;
  readonly entity = MonitoringReport;
  readonly createdOnFirstSave = false;
  readonly missing = '未找到该监控表，请刷新后重试';

  organizationOf(report: MonitoringReport): string {
    return report.unitId;
  }

  find(report: MonitoringReport): Partial<MonitoringReport> {
    return { id: report.id };
  }

  async snapshot(db: EntityManager, report: MonitoringReport) {
    const rows = await db.find(MonitoringRow, { where: { reportId: report.id }, order: { position: 'ASC' } });
    return {
      budget: { annual: report.budgetAnnual, executed: report.budgetExecuted, forecast: report.budgetForecast },
      goalProgress: report.goalProgress,
      colour: report.colour,
      indicators: rows.map((r) => ({ id: r.indicatorId, name: r.name, current: r.current, forecast: r.forecast, likelihood: r.likelihood, reasons: r.reasons, reasonNote: r.reasonNote, measures: r.measures, colour: r.colour })),
    };
  }

  /** The lead files only while the round is open; a submit needs every blocking check resolved. */
  async check(db: EntityManager, report: MonitoringReport, _key: MonitoringReport, action: string, snapshot: unknown): Promise<void> {
    const round = await db.findOneByOrFail(MonitoringRound, { id: report.roundId });
    if (AUTHOR_ACTIONS.includes(action) && round.status === 'closed') {
      throw new ConflictException(`监控批次（截至 ${round.cutoffDate}）已关闭，不能再填报；如需修改，请联系财政部门重新开启`);
    }
    if (action !== 'submit' || !snapshot) return;
    const rows = await db.find(MonitoringRow, { where: { reportId: report.id }, order: { position: 'ASC' } });
    const budget = { annual: report.budgetAnnual, executed: report.budgetExecuted, forecast: report.budgetForecast };
    const { checks } = assessReport(budget, rows.map(reportRowOf), round.cutoffMonth, round.parameters.warningRules, round.parameters.deviationCategories);
    const blocking = checks.filter((c) => c.severity === 'blocking');
    if (blocking.length) throw blockedByChecks(blocking);
  }

  stale(current: number, read: number): string {
    return `监控表已被他人修改（当前版本 ${current}，您读取的是版本 ${read}），请刷新后重试`;
  }
}
