import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SelfEvaluationIndicatorDto, SessionUser } from '@pm/api-contract';
import { decimalOf, directionOf, normaliseComparator, QUALITATIVE_TIER_NAMES } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { ImportsService } from '../imports/imports.service';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { DepartmentSelfEvaluationsService } from '../self-evaluation/department/department-self-evaluations.service';
import { SelfEvaluationRoundsService } from '../self-evaluation/self-evaluation-rounds.service';
import { SelfEvaluation } from '../self-evaluation/self-evaluation.entity';
import { SelfEvaluationsService } from '../self-evaluation/self-evaluations.service';
import { DEMO_DEPARTMENT_SELF_EVALUATION, DEMO_EVALUATIONS, DEMO_SELF_EVALUATION_ROUND, DemoEvaluation } from './demo-self-evaluation';
import { PUBLISHED_SELF_EVALUATIONS_2024 } from './demo-self-evaluations-2024';
import { demoSession } from './demo-session';

const SHORT_NOTE = '受人员调整和信息系统升级影响，部分工作推迟；下一年度提前安排、按季度跟踪进度。';
const OVER_NOTE = '需求增加，实际完成超出年度指标值较多；下一年度据实调整指标值。';

/**
 * The demo's self-evaluation through the real services, once: the closed year 2024 reproduced from
 * its published 自评表 (imported by the department reviewer), and the 2026 round opened by finance
 * with its 自评表 filed and walked to their states, and 政府办's department table filed.
 */
@Injectable()
export class DemoSelfEvaluationLoader {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ImportsService,
    private readonly rounds: SelfEvaluationRoundsService,
    private readonly evaluations: SelfEvaluationsService,
    private readonly departments: DepartmentSelfEvaluationsService,
  ) {}

  async load(): Promise<void> {
    await this.pastYear();
    if (await this.dataSource.getRepository(SelfEvaluation).existsBy({ fiscalYear: DEMO_SELF_EVALUATION_ROUND.fiscalYear })) return;
    try {
      const round = await this.rounds.open(await this.session('finance'), DEMO_SELF_EVALUATION_ROUND);
      let filed = 0;
      for (const demo of DEMO_EVALUATIONS) if (await this.file(demo)) filed++;
      await this.departmentTable();
      this.logger.log({ msg: 'demo self-evaluation loaded', evaluations: round.evaluations, filed });
    } catch (error) {
      this.logger.warn({ msg: 'demo self-evaluation not fully loaded', error: String(error) });
    }
  }

  private async pastYear(): Promise<void> {
    if (await this.dataSource.getRepository(SelfEvaluation).existsBy({ fiscalYear: 2024 })) return;
    const unit = await this.dataSource.getRepository(Organization).findOneBy({ name: '曲靖市人民政府办公室（本级）', kind: 'unit' });
    if (!unit) return;
    try {
      const result = await this.imports.importSelfEvaluations(await this.session('zfb.reviewer'), { fiscalYear: 2024, organizationId: unit.id }, { fileName: '2024 年度决算公开', content: PUBLISHED_SELF_EVALUATIONS_2024 });
      this.logger.log({ msg: 'demo 2024 reproduced from its final accounts', tables: result.tables, reproduced: result.evaluations.filter((e) => e.reproduced).length });
    } catch (error) {
      this.logger.warn({ msg: 'demo 2024 self-evaluations not loaded', error: String(error) });
    }
  }

  private async file(demo: DemoEvaluation): Promise<boolean> {
    const project = await this.dataSource.getRepository(Project).findOneBy({ fiscalYear: DEMO_SELF_EVALUATION_ROUND.fiscalYear, name: demo.project });
    const found = project && (await this.dataSource.getRepository(SelfEvaluation).findOneBy({ projectId: project.id }));
    if (!found) return false;
    const lead = await this.session(demo.lead);
    const read = await this.evaluations.read(lead, found.id);
    const executed = new Decimal(read.budget.annual).times(demo.execution).toFixed(2);
    const rows = read.indicators.map((r) => ({ indicatorId: r.indicatorId, ...resultAt(r, demo.pace) }));
    const saved = await this.evaluations.save(lead, found.id, { version: read.version, budget: { executed, adjustment: '0' }, goalActual: demo.goalActual, indicators: rows });
    // the notes the scores call for, as a lead writes them once the form asks
    const noted = saved.indicators.map((r, n) => ({ ...rows[n], deviationNote: r.needsDeviationNote ? (demo.pace < 1 ? SHORT_NOTE : OVER_NOTE) : '' }));
    await this.evaluations.save(lead, found.id, { version: saved.version, budget: { executed, adjustment: '0' }, goalActual: demo.goalActual, indicators: noted });
    const reviewer = await this.session('zfb.reviewer');
    for (const step of demo.steps) {
      if (step === 'submit') await this.evaluations.transition(lead, found.id, 'submit', {});
      if (step === 'department') await this.evaluations.transition(reviewer, found.id, 'approve', { comment: '同意' });
      if (step === 'finance') await this.evaluations.transition(await this.session('finance'), found.id, 'approve', { comment: '同意' });
      if (step === 'return') await this.evaluations.transition(reviewer, found.id, 'return', { comment: '实地督查次数未达目标，请补充佐证资料并细化改进措施。', rowComments: [{ row: 1, message: '请附督查通报作为佐证' }] });
      if (step === 'override' && demo.override) {
        const row = saved.indicators[demo.override.row];
        const score = new Decimal(row.weight ?? 0).times(demo.override.share).toFixed(2);
        await this.evaluations.override(reviewer, found.id, { indicatorId: row.indicatorId, score, reason: demo.override.reason });
      }
    }
    return true;
  }

  private async departmentTable(): Promise<void> {
    const demo = DEMO_DEPARTMENT_SELF_EVALUATION;
    const department = await this.dataSource.getRepository(Organization).findOneBy({ name: demo.department, kind: 'department' });
    if (!department) return;
    const reviewer = await this.session(demo.reviewer);
    const read = await this.departments.read(reviewer, department.id, DEMO_SELF_EVALUATION_ROUND.fiscalYear);
    const basicAnnual = new Decimal(read.budget.basic.initial).plus(demo.basic.adjustment);
    const saved = await this.departments.save(reviewer, department.id, DEMO_SELF_EVALUATION_ROUND.fiscalYear, {
      version: read.version,
      budget: {
        basic: { initial: read.budget.basic.initial, adjustment: demo.basic.adjustment, executed: basicAnnual.times(demo.basic.execution).toFixed(2) },
        project: { initial: read.budget.project.initial, adjustment: read.budget.project.adjustment, executed: read.budget.project.executed || read.fromProjects.executed },
      },
      duties: read.duties.map((d) => ({ duty: d.duty, result: '已完成' })),
      indicators: read.indicators.map((i) => ({ id: i.id, actual: i.value || '已完成', deviationNote: '' })),
      notes: demo.notes,
    });
    if (!saved.checks.some((c) => c.severity === 'blocking')) await this.departments.transition(reviewer, department.id, DEMO_SELF_EVALUATION_ROUND.fiscalYear, 'submit', {});
  }

  private session(username: string): Promise<SessionUser> {
    return demoSession(this.dataSource, username);
  }
}

/** What a lead reports at `pace` of a target: quantities in proportion (rates capped at 100 %), limits kept or exceeded, tiers by pace. */
function resultAt(r: SelfEvaluationIndicatorDto, pace: number): { actual: string; tier?: string; score?: string } {
  const weight = decimalOf(r.weight) ?? new Decimal(0);
  if (r.scoringMethod === 'tier') {
    const [tier, share] = pace >= 1 ? [QUALITATIVE_TIER_NAMES[0], 1] : [QUALITATIVE_TIER_NAMES[1], 0.75];
    return { actual: pace === 1 ? r.value : pace > 1 ? `${r.value}，超出预期` : '基本达成，部分工作推迟', tier, score: weight.times(share).toFixed(2) };
  }
  const target = decimalOf(r.value) ?? new Decimal(0);
  if (r.scoringMethod === 'direct') return { actual: target.toFixed() };
  const direction = directionOf(normaliseComparator(r.comparator ?? '') ?? '≥', '定量');
  if (direction === '反向') return { actual: (pace >= 1 ? target : target.times('1.15')).toDecimalPlaces(2).toFixed() };
  if (target.isZero()) return { actual: '0' };
  const actual = target.times(pace);
  if (['%', '％'].includes(r.unit.trim())) return { actual: Decimal.min(actual, 100).toDecimalPlaces(2).toFixed() };
  return { actual: (target.isInteger() ? actual.toDecimalPlaces(0) : actual.toDecimalPlaces(2)).toFixed() };
}
