import { Injectable, Logger } from '@nestjs/common';
import { demoSession } from './demo-session';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionUser } from '@pm/api-contract';
import { decimalOf, DEFAULT_PROFILE, directionOf, indicatorWarning, normaliseComparator, QUALITATIVE_PROGRESS } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { MonitoringReport } from '../monitoring/monitoring-report.entity';
import { MonitoringReportsService } from '../monitoring/monitoring-reports.service';
import { MonitoringRound } from '../monitoring/monitoring-round.entity';
import { MonitoringRoundsService } from '../monitoring/monitoring-rounds.service';
import { Project } from '../projects/project.entity';
import { DEMO_REPORTS, DEMO_ROUND, DemoReport } from './demo-monitoring';

const MONTH = 7;

/** Opens the demo's 2026 round as finance and files its reports as their leads, through the real services, once. */
@Injectable()
export class DemoMonitoringLoader {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: MonitoringRoundsService,
    private readonly reports: MonitoringReportsService,
  ) {}

  async load(): Promise<void> {
    if (await this.dataSource.getRepository(MonitoringRound).existsBy({ fiscalYear: DEMO_ROUND.fiscalYear, cutoffDate: DEMO_ROUND.cutoffDate })) return;
    try {
      const round = await this.rounds.open(await this.session('finance'), DEMO_ROUND);
      let filed = 0;
      for (const demo of DEMO_REPORTS) if (await this.file(round.id, demo)) filed++;
      this.logger.log({ msg: 'demo monitoring round loaded', reports: round.reports, filed });
    } catch (error) {
      this.logger.warn({ msg: 'demo monitoring round not fully loaded', error: String(error) });
    }
  }

  private async file(roundId: string, demo: DemoReport): Promise<boolean> {
    const project = await this.dataSource.getRepository(Project).findOneBy({ fiscalYear: DEMO_ROUND.fiscalYear, name: demo.project });
    const found = project && (await this.dataSource.getRepository(MonitoringReport).findOneBy({ roundId, projectId: project.id }));
    if (!found) return false;
    const lead = await this.session(demo.lead);
    const report = await this.reports.read(lead, found.id);
    const annual = new Decimal(report.budget.annual);
    const executed = annual.times(MONTH).div(12).times(demo.budgetPace).toFixed(2);
    await this.reports.save(lead, found.id, {
      version: report.version,
      budget: { executed, forecast: annual.toFixed(2) },
      goalProgress: demo.goalProgress,
      indicators: report.indicators.map((row, i) => {
        const lag = demo.lagging?.row === i ? demo.lagging : null;
        const current = currentAt(row, lag?.pace ?? demo.pace);
        const warning = indicatorWarning(row, { current, likelihood: lag?.likelihood ?? '确定能' }, MONTH, DEFAULT_PROFILE.warningRules);
        const red = warning?.colour === 'red';
        return {
          indicatorId: row.indicatorId,
          current,
          forecast: row.kind === '定性' ? QUALITATIVE_PROGRESS[0] : row.value,
          likelihood: lag?.likelihood ?? '确定能',
          reasons: lag?.reasons ?? (red ? ['其他'] : []),
          reasonNote: lag?.note ?? (red ? '进度滞后' : ''),
          measures: lag?.measures ?? (red ? '加快实施进度' : ''),
        };
      }),
    });
    const zfbReviewer = await this.session('zfb.reviewer');
    for (const step of demo.steps) {
      if (step === 'submit') await this.reports.transition(lead, found.id, 'submit', {});
      if (step === 'department') await this.reports.transition(zfbReviewer, found.id, 'approve', { comment: '同意' });
      if (step === 'finance') await this.reports.transition(await this.session('finance'), found.id, 'approve', { comment: '同意' });
      if (step === 'return') await this.reports.transition(zfbReviewer, found.id, 'return', { comment: '办公设备已全部购置，全年预计执行数请按实际结余调整。', rowComments: [{ row: 1, message: '已超额完成，请说明原因' }] });
      if (step === 'adjust') await this.reports.startAdjustment(lead, found.id);
      if (step === 'budget-cut') await this.reports.requestBudgetCut(lead, found.id, { amount: annual.times('0.2').toFixed(2), reason: '实地督查次数下半年难以补足，相应差旅经费申请调减。' });
    }
    return true;
  }

  private session(username: string): Promise<SessionUser> {
    return demoSession(this.dataSource, username);
  }
}

/** A current value at `pace` of time progress: quantities pro-rated, limits kept inside, phrases by pace. */
function currentAt(row: { comparator: string | null; value: string; unit: string; kind: string }, pace: number): string {
  if (row.kind === '定性') return pace >= 0.8 ? QUALITATIVE_PROGRESS[0] : pace >= 0.6 ? QUALITATIVE_PROGRESS[1] : QUALITATIVE_PROGRESS[2];
  const target = decimalOf(row.value) ?? new Decimal(0);
  const direction = directionOf(normaliseComparator(row.comparator ?? '') ?? '≥', '定量');
  if (direction === '反向') return target.times(pace >= 0.8 ? '0.5' : '1.2').toDecimalPlaces(2).toFixed();
  if (direction === '等于' && target.isZero()) return '0';
  // a rate is reported as it stands, not as a share of the year
  if (['%', '％'].includes(row.unit.trim())) return target.times(Math.min(pace, 1)).toDecimalPlaces(2).toFixed();
  const share = target.times(MONTH).div(12).times(pace);
  // counts are whole: 2 次, not 2.1
  return (target.isInteger() ? share.toDecimalPlaces(0) : share.toDecimalPlaces(2)).toFixed();
}
