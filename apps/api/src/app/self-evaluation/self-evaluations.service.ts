import { ConflictException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OverrideRequest, Page, ReviewRequest, RowCommentDto, SaveSelfEvaluationRequest, SelfEvaluationDto, SelfEvaluationListItem, SessionUser } from '@pm/api-contract';
import { ChainAction, decimalOf, Grade, integrityFlags, SELF_EVALUATION_FORMAT_CODES, SheetStatus } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource, EntityManager, In } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { EvidenceService } from '../evidence/evidence.service';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { ReviewHistory } from '../review/review-history.service';
import { refuseUnless, ReviewRunner } from '../review/review-runner.service';
import { User } from '../users/user.entity';
import { assess } from './assess';
import { toEvaluationIndicatorDto } from './evaluation-rows';
import { SelfEvaluationKind } from './self-evaluation.kind';
import { SelfEvaluationRound } from './self-evaluation-round.entity';
import { SelfEvaluationRow } from './self-evaluation-row.entity';
import { SelfEvaluation } from './self-evaluation.entity';
import { blankToNull } from '../common/text';

export type EvaluationTransition = Extract<ChainAction, 'submit' | 'approve' | 'return'>;

/**
 * Reading, filing, scoring and reviewing a 项目支出绩效自评表: scores recomputed on every save with the
 * parameters the evaluation keeps, integrity flags against the year's portfolio, reviewers' overrides
 * beside the computed score, and the approved actuals kept as next year's 上年完成值.
 */
@Injectable()
export class SelfEvaluationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly runner: ReviewRunner,
    private readonly history: ReviewHistory,
    private readonly audit: AuditService,
    private readonly evidence: EvidenceService,
    readonly kind: SelfEvaluationKind,
  ) {}

  onModuleInit(): void {
    this.evidence.registerOwner(this.kind.chain.kind, {
      assertChangeable: async (user, id) => {
        const evaluation = await this.findVisible(user, id);
        refuseUnless(await this.runner.decision(user, this.kind, evaluation, evaluation, 'save'));
        return evaluation.unitId;
      },
    });
  }

  async findVisible(user: SessionUser, id: string, db: EntityManager = this.dataSource.manager): Promise<SelfEvaluation> {
    const evaluation = await db.findOneBy(SelfEvaluation, { id });
    if (!evaluation) throw new NotFoundException('未找到该自评表，或您无权查看');
    await this.scope.assertReadable(user, evaluation.unitId);
    return evaluation;
  }

  /** The 自评表 as the contract reads it; `db` lets an import's dry run read its own uncommitted save. */
  async read(user: SessionUser, id: string, db: EntityManager = this.dataSource.manager): Promise<SelfEvaluationDto> {
    const evaluation = await this.findVisible(user, id, db);
    const rows = await db.find(SelfEvaluationRow, { where: { evaluationId: id }, order: { position: 'ASC' } });
    // one after another: inside an import's dry run `db` is a single transaction's connection
    const project = await db.findOneByOrFail(Project, { id: evaluation.projectId });
    const unit = await db.findOneByOrFail(Organization, { id: evaluation.unitId });
    const round = evaluation.roundId ? await db.findOneBy(SelfEvaluationRound, { id: evaluation.roundId }) : null;
    const department = unit.parentId ? await db.findOneBy(Organization, { id: unit.parentId }) : null;
    const { card, checks } = assess(evaluation, rows);
    const overriders = await this.names([...rows.map((r) => r.overrideBy), ...evaluation.dismissedFlags.map((f) => f.by)]);
    const evidence = await this.evidence.list(this.kind.chain.kind, id);
    const withFiles = new Set(evidence.map((e) => e.indicatorId));
    return {
      id,
      version: evaluation.version,
      status: evaluation.status,
      projectId: project.id,
      projectName: project.name,
      unitName: unit.name,
      departmentName: department?.name ?? unit.name,
      fiscalYear: evaluation.fiscalYear,
      parameters: evaluation.parameters,
      roundId: evaluation.roundId,
      deadline: round?.deadline ?? null,
      profile: { id: (evaluation.parameters as { id?: string | null }).id ?? null, name: evaluation.parameters.name },
      budget: { initial: evaluation.budgetInitial, adjustment: evaluation.budgetAdjustment, annual: card.budget.annual, executed: evaluation.budgetExecuted, rate: card.budget.rate, weight: evaluation.parameters.budgetWeight, score: card.budget.score, explanation: card.budget.explanation },
      goal: evaluation.goal,
      goalActual: evaluation.goalActual,
      indicators: rows.map((r, n) => toEvaluationIndicatorDto(r, card.indicators[n], evaluation.parameters, r.overrideBy ? (overriders.get(r.overrideBy) ?? null) : null)),
      total: card.total,
      grade: card.grade,
      gradeExplanation: card.gradeExplanation,
      checks,
      flags: evaluation.flags.map((f) => {
        const dismissed = evaluation.dismissedFlags.find((d) => d.code === f.code);
        return { ...f, dismissed: dismissed ? { reason: dismissed.reason, by: overriders.get(dismissed.by) ?? '', at: dismissed.at } : null };
      }),
      actions: await this.runner.actionsFor(user, this.kind, evaluation, evaluation),
      sinceReturn: await this.sinceReturn(evaluation, rows),
      evidence,
      missingEvidence: rows.filter((r) => r.applicable && r.evidenceRequired.trim() && !withFiles.has(r.indicatorId)).map((r) => r.indicatorId),
      published: evaluation.published ? { total: evaluation.published.total, grade: evaluation.published.grade } : null,
    };
  }

  async save(user: SessionUser, id: string, body: SaveSelfEvaluationRequest): Promise<SelfEvaluationDto> {
    const evaluation = await this.findVisible(user, id);
    await this.dataSource.transaction((db) => this.saveIn(db, user, evaluation, body, 'save'));
    return this.read(user, id);
  }

  /** The save inside the caller's transaction (the workbook import uses it with `import`): 400 row-tied for values of the wrong form, 409 when stale. */
  async saveIn(db: EntityManager, user: SessionUser, found: SelfEvaluation, body: SaveSelfEvaluationRequest, action: 'save' | 'import'): Promise<void> {
    const evaluation = await this.runner.openForChange(db, user, this.kind, found, action, body.version);
    const rows = await db.find(SelfEvaluationRow, { where: { evaluationId: evaluation.id }, order: { position: 'ASC' } });
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    body.indicators.forEach((input, i) => {
      const row = byId.get(input.indicatorId);
      if (!row) throw badRequest(`第 ${i + 1} 条：指标编号不在本自评表中，请刷新后重试`, [{ row: i + 1, field: 'indicatorId', message: '指标编号不在本自评表中' }]);
      Object.assign(row, {
        ...(input.actual !== undefined ? { actual: blankToNull(input.actual) } : {}),
        ...(input.tier !== undefined ? { tier: blankToNull(input.tier) } : {}),
        ...(input.score !== undefined ? { tierScore: blankToNull(input.score) } : {}),
        ...(input.applicable !== undefined ? { applicable: input.applicable } : {}),
        ...(input.deviationNote !== undefined ? { deviationNote: input.deviationNote.trim() } : {}),
      });
    });
    for (const [field, text] of [['budget.executed', body.budget.executed], ['budget.adjustment', body.budget.adjustment]] as const) {
      if (decimalOf(text)?.abs().greaterThanOrEqualTo('1e16')) throw badRequest(`金额 ${text} 过大，请以元为单位填写`, [{ field, message: '金额过大' }]);
    }
    const next = { ...evaluation, budgetExecuted: blankToNull(body.budget.executed), budgetAdjustment: blankToNull(body.budget.adjustment) };
    const assessed = assess(next, rows);
    const wrong = assessed.checks.filter((c) => (SELF_EVALUATION_FORMAT_CODES as readonly string[]).includes(c.code));
    if (wrong.length) throw badRequest(`有 ${wrong.length} 处填写有误，未保存`, wrong.map((c) => ({ ...(c.row ? { row: c.row } : {}), field: c.field ?? undefined, message: c.message })));
    for (const [n, r] of rows.entries()) if (r.tierScore !== null && (decimalOf(r.tierScore)?.abs().greaterThanOrEqualTo(10000) ?? false)) throw badRequest(`第 ${n + 1} 行：得分过大`, [{ row: n + 1, field: 'score', message: '得分过大' }]);

    await this.writeRows(db, rows, assessed.card.indicators);
    const flags = integrityFlags(assessed.budget, assessed.indicators, assessed.card, { sameNoteElsewhere: await this.sameNotes(db, evaluation, rows), forecasts: rows.map((r) => r.forecast) });
    await this.runner.changed(db, user, this.kind, evaluation, {
      budgetExecuted: decimalOf(next.budgetExecuted)?.toFixed(2) ?? null,
      budgetAdjustment: decimalOf(next.budgetAdjustment)?.toFixed(2) ?? null,
      goalActual: body.goalActual?.trim() ?? evaluation.goalActual,
      budgetScore: assessed.card.budget.score,
      budgetExplanation: assessed.card.budget.explanation,
      total: assessed.card.total,
      grade: assessed.card.grade,
      gradeExplanation: assessed.card.gradeExplanation,
      flags,
    });
    const changes = [
      { field: '总分', oldValue: evaluation.total, newValue: assessed.card.total },
      { field: '等级', oldValue: evaluation.grade, newValue: assessed.card.grade },
    ].filter((c) => c.oldValue !== c.newValue);
    await this.audit.record(db, user, [{ entity: 'self_evaluation', entityId: evaluation.id, organizationId: evaluation.unitId, action, field: 'content', newValue: `版本 ${evaluation.version + 1}` }, ...changes.map((c) => ({ entity: 'self_evaluation', entityId: evaluation.id, organizationId: evaluation.unitId, action, ...c }))]);
  }

  async transition(user: SessionUser, id: string, action: EvaluationTransition, body: ReviewRequest): Promise<SelfEvaluationDto> {
    const evaluation = await this.findVisible(user, id);
    await this.dataSource.transaction(async (db) => {
      const version = await this.runner.transition(db, user, this.kind, evaluation, action, body);
      if (version.statusAfter === 'approved') await this.keepResults(db, user, evaluation);
    });
    return this.read(user, id);
  }

  /**
   * A reviewer replaces one computed score with a written reason (the chain's `override` rows: the
   * reviewer whose turn it is). The computed score stays beside it; the total and grade follow.
   */
  async override(user: SessionUser, id: string, body: OverrideRequest): Promise<SelfEvaluationDto> {
    const found = await this.findVisible(user, id);
    if (!body.reason?.trim()) throw badRequest('请写明调整得分的理由', [{ field: 'reason', message: '请写明理由' }]);
    await this.dataSource.transaction(async (db) => {
      const rows = await db.find(SelfEvaluationRow, { where: { evaluationId: id }, order: { position: 'ASC' } });
      const at = rows.findIndex((r) => r.indicatorId === body.indicatorId);
      if (at < 0) throw badRequest('该指标不在本自评表中', [{ field: 'indicatorId', message: '指标编号不在本自评表中' }]);
      const row = rows[at];
      const score = decimalOf(body.score);
      const weight = decimalOf(row.weight);
      if (!score || score.isNegative() || (weight && score.greaterThan(weight))) throw badRequest(`调整后的得分应在 0–${weight?.toFixed(2) ?? '分值'} 之间`, [{ row: at + 1, field: 'score', message: '得分超出范围' }]);
      await this.runner.transition(db, user, this.kind, found, 'override', { comment: `第 ${at + 1} 行“${row.name}”得分由 ${row.computedScore ?? '—'} 调整为 ${score.toFixed(2)}。理由：${body.reason.trim()}` });
      Object.assign(row, { overrideScore: score.toFixed(2), overrideReason: body.reason.trim(), overrideBy: user.id, overrideAt: new Date() });
      await db.update(SelfEvaluationRow, { id: row.id }, { overrideScore: row.overrideScore, overrideReason: row.overrideReason, overrideBy: user.id, overrideAt: row.overrideAt });
      const evaluation = await db.findOneByOrFail(SelfEvaluation, { id });
      const { card } = assess(evaluation, rows);
      await db.update(SelfEvaluation, { id }, { total: card.total, grade: card.grade, gradeExplanation: card.gradeExplanation });
      await this.audit.record(db, user, [{ entity: 'self_evaluation', entityId: id, organizationId: evaluation.unitId, action: 'override', field: row.name, oldValue: row.computedScore, newValue: `${score.toFixed(2)}（${body.reason.trim()}）` }]);
    });
    return this.read(user, id);
  }

  /** A reviewer dismisses a flag with a reason; it stays listed, marked as looked at. */
  async dismissFlag(user: SessionUser, id: string, code: string, reason: string): Promise<SelfEvaluationDto> {
    const evaluation = await this.findVisible(user, id);
    if (!reason.trim()) throw badRequest('请写明排除该疑点的理由', [{ field: 'reason', message: '请写明理由' }]);
    if (!evaluation.flags.some((f) => f.code === code)) throw new ConflictException('该自评表没有这一疑点，请刷新后重试');
    // the reviewer whose turn it is, as for an override
    refuseUnless(await this.runner.decision(user, this.kind, evaluation, evaluation, 'override', { comment: reason }));
    await this.dataSource.transaction(async (db) => {
      const dismissed = [...evaluation.dismissedFlags.filter((d) => d.code !== code), { code, reason: reason.trim(), by: user.id, at: new Date().toISOString() }];
      await db.update(SelfEvaluation, { id }, { dismissedFlags: dismissed });
      await this.audit.record(db, user, [{ entity: 'self_evaluation', entityId: id, organizationId: evaluation.unitId, action: 'dismiss_flag', field: code, newValue: reason.trim() }]);
    });
    return this.read(user, id);
  }

  async list(user: SessionUser, filter: { fiscalYear?: number; status?: SheetStatus; grade?: Grade; projectId?: string; flagged?: boolean; departmentId?: string; unfiled?: boolean; page?: number; pageSize?: number }): Promise<Page<SelfEvaluationListItem>> {
    const pageSize = filter.pageSize ?? 50;
    const query = this.dataSource
      .createQueryBuilder(SelfEvaluation, 'e')
      .innerJoin('projects', 'p', 'p.id = e.project_id')
      .innerJoin('organizations', 'u', 'u.id = e.unit_id')
      .select(['e.id AS id', 'e.project_id AS project_id', 'p.name AS project_name', 'u.name AS unit_name', 'e.status AS status', 'e.total::text AS total', 'e.grade AS grade', 'e.flags AS flags', 'e.updated_at AS updated_at']);
    await this.scope.restrict(user, query, 'e.unit_id');
    if (filter.fiscalYear) query.andWhere('e.fiscal_year = :year', { year: filter.fiscalYear });
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    if (filter.grade) query.andWhere('e.grade = :grade', { grade: filter.grade });
    if (filter.projectId) query.andWhere('e.project_id = :projectId', { projectId: filter.projectId });
    if (filter.flagged) query.andWhere("jsonb_array_length(e.flags) > 0");
    if (filter.departmentId) query.andWhere('(u.id = :departmentId OR u.parent_id = :departmentId)', { departmentId: filter.departmentId });
    if (filter.unfiled !== undefined) query.andWhere(filter.unfiled ? 'e.total IS NULL' : 'e.total IS NOT NULL');
    const [total, rows] = await Promise.all([query.getCount(), query.orderBy('e.updated_at', 'DESC').addOrderBy('e.id').offset(((filter.page ?? 1) - 1) * pageSize).limit(pageSize).getRawMany()]);
    return { total, items: rows.map((r) => ({ id: r.id, projectId: r.project_id, projectName: r.project_name, unitName: r.unit_name, status: r.status, total: r.total === null ? null : new Decimal(r.total).toFixed(2), grade: r.grade, flags: r.flags })) };
  }

  /** Scores and the flags of their rows, set-based. */
  private async writeRows(db: EntityManager, rows: SelfEvaluationRow[], scores: { computed: string | null; explanation: unknown; needsDeviationNote: boolean }[]): Promise<void> {
    await db.query(
      `UPDATE self_evaluation_rows t SET actual = u.actual, tier = u.tier, tier_score = u.tier_score, applicable = u.applicable, deviation_note = u.deviation_note,
         computed_score = u.computed_score, explanation = u.explanation, needs_deviation_note = u.needs
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::numeric[], $5::boolean[], $6::text[], $7::numeric[], $8::jsonb[], $9::boolean[])
         AS u(id, actual, tier, tier_score, applicable, deviation_note, computed_score, explanation, needs)
       WHERE t.id = u.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.actual),
        rows.map((r) => r.tier),
        rows.map((r) => decimalOf(r.tierScore)?.toFixed(2) ?? null),
        rows.map((r) => r.applicable),
        rows.map((r) => r.deviationNote),
        scores.map((s) => s.computed),
        scores.map((s) => (s.explanation ? JSON.stringify(s.explanation) : null)),
        scores.map((s) => s.needsDeviationNote),
      ],
    );
  }

  /** For each row, how many other projects of the year wrote the same 偏差原因. */
  private async sameNotes(db: EntityManager, evaluation: SelfEvaluation, rows: SelfEvaluationRow[]): Promise<number[]> {
    const notes = [...new Set(rows.map((r) => r.deviationNote).filter((n) => n.length >= 6))];
    if (!notes.length) return rows.map(() => 0);
    const found: { note: string; n: number }[] = await db.query(
      `SELECT r.deviation_note AS note, count(DISTINCT r.evaluation_id)::int AS n FROM self_evaluation_rows r JOIN self_evaluations e ON e.id = r.evaluation_id
       WHERE e.fiscal_year = $1 AND e.id <> $2 AND r.deviation_note = ANY($3::text[]) GROUP BY r.deviation_note`,
      [evaluation.fiscalYear, evaluation.id, notes],
    );
    const counts = new Map(found.map((f) => [f.note, f.n]));
    return rows.map((r) => counts.get(r.deviationNote) ?? 0);
  }

  /** An approved self-evaluation's actuals become the 上年完成值 of next year's targets (lineage by project and indicator). */
  private async keepResults(db: EntityManager, user: SessionUser, evaluation: SelfEvaluation): Promise<void> {
    const project = await db.findOneByOrFail(Project, { id: evaluation.projectId });
    const rows = await db.find(SelfEvaluationRow, { where: { evaluationId: evaluation.id, applicable: true }, order: { position: 'ASC' } });
    if (!rows.length) return;
    await db.query(
      `INSERT INTO indicator_results (unit_id, fiscal_year, project_name, level1, level2, name, actual, actual_text, project_id, indicator_id, created_by, updated_by)
       SELECT $1, $2, $3, u.level1, u.level2, u.name, u.actual, u.actual_text, $4, t.id, $5, $5
       FROM unnest($6::varchar[], $7::varchar[], $8::varchar[], $9::numeric[], $10::varchar[], $11::uuid[]) AS u(level1, level2, name, actual, actual_text, indicator_id)
       LEFT JOIN target_indicators t ON t.id = u.indicator_id
       ON CONFLICT (unit_id, fiscal_year, project_name, level1, name) DO UPDATE SET actual = excluded.actual, actual_text = excluded.actual_text, project_id = excluded.project_id, indicator_id = excluded.indicator_id, updated_by = excluded.updated_by, updated_at = now()`,
      [
        evaluation.unitId,
        evaluation.fiscalYear,
        project.name,
        project.id,
        user.id,
        rows.map((r) => r.level1),
        rows.map((r) => r.level2),
        rows.map((r) => r.name),
        rows.map((r) => (r.kind === '定量' ? (decimalOf(r.actual)?.toFixed() ?? null) : null)),
        rows.map((r) => (r.actual ?? '').slice(0, 200)),
        rows.map((r) => r.indicatorId),
      ],
    );
  }

  private async sinceReturn(evaluation: SelfEvaluation, rows: SelfEvaluationRow[]): Promise<SelfEvaluationDto['sinceReturn']> {
    if (!evaluation.returnedVersionId || evaluation.status === 'approved') return null;
    const returned = await this.history.byId(evaluation.returnedVersionId);
    if (!returned) return null;
    const before = new Map(((returned.snapshot as { indicators?: { id: string; actual: string | null; tierScore: string | null; deviationNote: string }[] }).indicators ?? []).map((r) => [r.id, r]));
    const rowComments: RowCommentDto[] = (returned.rowComments ?? []).map((c) => {
      const at = rows.findIndex((r) => r.indicatorId === c.indicatorId);
      const was = c.indicatorId ? before.get(c.indicatorId) : undefined;
      const now = at >= 0 ? rows[at] : undefined;
      return { indicatorId: c.indicatorId, row: at >= 0 ? at + 1 : null, message: c.message, resolved: !!was && !!now && (was.actual !== now.actual || was.tierScore !== now.tierScore || was.deviationNote !== now.deviationNote) };
    });
    return { comment: returned.comment, rowComments };
  }

  private async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => !!i))];
    if (!wanted.length) return new Map();
    const users = await this.dataSource.getRepository(User).findBy({ id: In(wanted) });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
