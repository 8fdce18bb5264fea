import { Injectable } from '@nestjs/common';
import { PublishedEvaluationDto, SessionUser } from '@pm/api-contract';
import { Comparator, decimalOf, evaluationOfForm, IndicatorKind, integrityFlags, normaliseIndicatorName, scoringParametersOf, SelfEvaluationForm } from '@pm/domain';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { ReviewRunner } from '../review/review-runner.service';
import { SettingsService } from '../settings/settings.service';
import { IndicatorRowsStore } from '../targets/indicator-rows.store';
import { SheetSnapshot } from '../targets/sheet-snapshot';
import { TargetSheet } from '../targets/target-sheet.entity';
import { TargetSheetKind } from '../targets/target-sheet.kind';
import { assess } from './assess';
import { SelfEvaluationRow } from './self-evaluation-row.entity';
import { SelfEvaluation } from './self-evaluation.entity';
import { SelfEvaluationKind } from './self-evaluation.kind';

const key = (level1: string, level2: string, name: string) => [level1, level2, name].map((n) => normaliseIndicatorName(n.trim())).join('/');
const PUBLISHED = (year: number) => `据 ${year} 年度决算公开的项目支出绩效自评表录入`;

/**
 * A closed year as its final accounts published it: each 项目支出绩效自评表 becomes its project, an
 * approved target sheet (the 指标值 and 分值 printed) and an approved self-evaluation (the actuals, the
 * 定性 rows' tiers from their published 得分), scored by the engine and compared with what was
 * published — so the scoring rules can be checked against real documents, and next year's 上年完成值
 * comes with its indicator.
 */
@Injectable()
export class PublishedYearService {
  constructor(
    private readonly runner: ReviewRunner,
    private readonly rowsStore: IndicatorRowsStore,
    private readonly sheetKind: TargetSheetKind,
    private readonly evaluationKind: SelfEvaluationKind,
    private readonly settings: SettingsService,
  ) {}

  async record(db: EntityManager, user: SessionUser, unit: Organization, fiscalYear: number, forms: SelfEvaluationForm[]): Promise<PublishedEvaluationDto[]> {
    const { id: profileId, profile } = await this.settings.profileRecordForYear(fiscalYear);
    const parameters = { ...scoringParametersOf(profile), id: profileId };
    const results: PublishedEvaluationDto[] = [];
    for (const form of forms) {
      const project = await this.projectOf(db, user, unit, fiscalYear, form);
      const sheet = await this.sheetOf(db, user, project, form);
      const existing = await db.findOneBy(SelfEvaluation, { projectId: project.id });
      const base = { projectName: form.projectName, projectId: project.id, published: { total: form.total, grade: form.grade } };
      if (!sheet) {
        results.push({ ...base, selfEvaluationId: existing?.id ?? null, action: 'skipped', computed: null, reproduced: false, differences: [], flags: [] });
        continue;
      }
      if (existing) {
        results.push({ ...base, ...(await this.compared(db, existing, form)), selfEvaluationId: existing.id, action: 'unchanged' });
        continue;
      }
      const evaluation = await this.evaluationOf(db, user, project, sheet, form, parameters);
      results.push({ ...base, ...(await this.compared(db, evaluation, form)), selfEvaluationId: evaluation.id, action: 'created' });
    }
    return results;
  }

  private async projectOf(db: EntityManager, user: SessionUser, unit: Organization, fiscalYear: number, form: SelfEvaluationForm): Promise<Project> {
    const found = await db.findOneBy(Project, { unitId: unit.id, fiscalYear, name: form.projectName });
    if (found) return found;
    // 年初预算数 by source; what the sources do not account for is 其他资金, so the funds add up
    const total = decimalOf(form.money.initial) ?? decimalOf(form.money.annual) ?? new Decimal(0);
    const appropriation = decimalOf(form.money.bySource.appropriation) ?? new Decimal(0);
    const carryOver = decimalOf(form.money.bySource.carryOver) ?? new Decimal(0);
    const known = Decimal.min(appropriation.plus(carryOver), total);
    const funds = {
      fundsTotal: total.toFixed(2),
      fundsCurrentYearAppropriation: Decimal.min(appropriation, total).toFixed(2),
      fundsCarryOver: known.minus(Decimal.min(appropriation, total)).toFixed(2),
      fundsOther: total.minus(known).toFixed(2),
    };
    return db.save(db.create(Project, { fiscalYear, unitId: unit.id, name: form.projectName, level: '本级', overallGoal: form.goal, ...funds, createdBy: user.id, updatedBy: user.id }));
  }

  /** The sheet in force; a project without one gets the sheet the table printed, approved as published. Null while another sheet is under way. */
  private async sheetOf(db: EntityManager, user: SessionUser, project: Project, form: SelfEvaluationForm): Promise<TargetSheet | null> {
    const found = await db.findOneBy(TargetSheet, { projectId: project.id });
    if (found) return found.inForceVersionId ? found : null;
    const sheet = await db.save(db.create(TargetSheet, { projectId: project.id, status: 'draft', version: 1, createdBy: user.id, updatedBy: user.id }));
    await this.rowsStore.write(db, [
      {
        sheetId: sheet.id,
        rows: form.indicators.map((r) => ({
          level1: r.level1,
          level2: r.level2,
          name: r.name,
          comparator: (r.kind === '定性' ? '定性' : r.comparator) as Comparator | null,
          value: r.value,
          unit: r.unit,
          kind: r.kind as IndicatorKind,
          content: '',
          basis: '',
          lastYearActual: null,
          weight: r.weight,
          scoringRule: '',
          evidence: '',
        })),
      },
    ]);
    const version = await this.runner.recordPublished(db, user, this.sheetKind, project, sheet, PUBLISHED(project.fiscalYear));
    return { ...sheet, status: 'approved', inForceVersionId: version.id } as TargetSheet;
  }

  private async evaluationOf(db: EntityManager, user: SessionUser, project: Project, sheet: TargetSheet, form: SelfEvaluationForm, parameters: SelfEvaluation['parameters']): Promise<SelfEvaluation> {
    const version = await db.query('SELECT snapshot FROM document_versions WHERE id = $1', [sheet.inForceVersionId]);
    const targets = (version[0].snapshot as SheetSnapshot).indicators;
    const { budget, indicators } = evaluationOfForm(form, parameters.qualitativeTiers);
    const byKey = new Map(indicators.map((i) => [key(i.level1, i.level2, i.name), i]));
    const evaluation = await db.save(
      db.create(SelfEvaluation, {
        roundId: null,
        fiscalYear: project.fiscalYear,
        projectId: project.id,
        unitId: project.unitId,
        sheetVersionId: sheet.inForceVersionId as string,
        budgetInitial: budget.initial,
        budgetAdjustment: budget.adjustment,
        budgetExecuted: budget.executed,
        goal: form.goal,
        goalActual: form.goalActual,
        parameters,
        status: 'draft',
        version: 1,
        published: { total: form.total, grade: form.grade, scores: form.indicators.map((i) => i.score) },
        createdBy: user.id,
        updatedBy: user.id,
      }),
    );
    const rows = targets.map((t, n) => {
      const given = byKey.get(key(t.level1, t.level2, t.name));
      return db.create(SelfEvaluationRow, {
        evaluationId: evaluation.id,
        indicatorId: t.id as string,
        position: n + 1,
        level1: t.level1,
        level2: t.level2,
        name: t.name,
        comparator: t.comparator,
        value: t.value ?? '',
        unit: t.unit ?? '',
        kind: t.kind,
        weight: t.weight,
        scoringRule: t.scoringRule ?? '',
        evidenceRequired: t.evidence ?? '',
        forecast: null,
        actual: given?.actual ?? null,
        tier: given?.tier ?? null,
        tierScore: given?.tierScore ?? null,
        applicable: true,
        deviationNote: given?.deviationNote ?? '',
      });
    });
    const { card, indicators: scored } = assess(evaluation, rows);
    rows.forEach((r, n) => Object.assign(r, { computedScore: card.indicators[n].computed, explanation: card.indicators[n].explanation, needsDeviationNote: card.indicators[n].needsDeviationNote }));
    await db.save(rows, { chunk: 500 });
    const flags = integrityFlags(budget, scored, card);
    await db.update(SelfEvaluation, { id: evaluation.id }, { budgetScore: card.budget.score, budgetExplanation: card.budget.explanation, total: card.total, grade: card.grade, gradeExplanation: card.gradeExplanation, flags });
    const stored = await db.findOneByOrFail(SelfEvaluation, { id: evaluation.id });
    await this.runner.recordPublished(db, user, this.evaluationKind, stored, stored, PUBLISHED(project.fiscalYear));
    return db.findOneByOrFail(SelfEvaluation, { id: evaluation.id });
  }

  /** What the engine gives beside what the table published: every row, the budget score, 总分 and 等级. */
  private async compared(db: EntityManager, evaluation: SelfEvaluation, form: SelfEvaluationForm): Promise<Pick<PublishedEvaluationDto, 'computed' | 'reproduced' | 'differences' | 'flags'>> {
    const rows = await db.find(SelfEvaluationRow, { where: { evaluationId: evaluation.id }, order: { position: 'ASC' } });
    const { card } = assess(evaluation, rows);
    const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Decimal(a).equals(b));
    const published = new Map(form.indicators.map((i) => [key(i.level1, i.level2, i.name), i.score]));
    const differences: PublishedEvaluationDto['differences'] = [];
    if (form.money.score !== null && !same(form.money.score, card.budget.score)) differences.push({ row: null, name: '预算执行率', published: form.money.score, computed: card.budget.score, formula: card.budget.explanation.formula });
    rows.forEach((r, n) => {
      const given = published.get(key(r.level1, r.level2, r.name)) ?? null;
      const computed = card.indicators[n].score;
      if (given !== null && !same(given, computed)) differences.push({ row: n + 1, name: r.name, published: given, computed, formula: card.indicators[n].explanation?.formula ?? null });
    });
    const reproduced = differences.length === 0 && same(form.total, card.total) && (form.grade === null || form.grade === card.grade);
    return { computed: { total: card.total, grade: card.grade }, reproduced, differences, flags: evaluation.flags };
  }
}
