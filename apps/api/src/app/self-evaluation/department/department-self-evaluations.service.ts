import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DepartmentSelfEvaluationDto, DepartmentSelfEvaluationListItem, DocumentVersionDto, Page, ReviewRequest, SaveDepartmentSelfEvaluationRequest, SessionUser } from '@pm/api-contract';
import { assessDepartmentSelfEvaluation, ChainAction, decimalOf, DEPARTMENT_SELF_EVALUATION_FORMAT_CODES, DepartmentIndicatorResult, DepartmentSelfEvaluationContent, scoringParametersOf } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeService } from '../../access/scope.service';
import { AuditService } from '../../audit/audit.service';
import { badRequest } from '../../common/api-error';
import { DepartmentYear } from '../../department-targets/department-target.kind';
import { Organization } from '../../organizations/organization.entity';
import { ReviewHistory } from '../../review/review-history.service';
import { ReviewRunner } from '../../review/review-runner.service';
import { SettingsService } from '../../settings/settings.service';
import { DepartmentSelfEvaluation } from './department-self-evaluation.entity';
import { contentOf, DepartmentSelfEvaluationKind } from './department-self-evaluation.kind';
import { blankToNull } from '../../common/text';

export type DepartmentSelfEvaluationTransition = Extract<ChainAction, 'submit' | 'approve' | 'return'>;

interface ApprovedTarget {
  duties: string[];
  budget: { basic: string; project: string };
  indicators: (Omit<DepartmentIndicatorResult, 'actual' | 'deviationNote'> & { weight?: string | null })[];
}

/**
 * The 部门整体支出绩效自评表 of a department and year: prefilled from the department's approved overall
 * target (年度目标, indicators, 基本支出 / 项目支出 budget) and what its projects' 自评表 add up to; filed
 * by the department and approved by finance on the one chain.
 */
@Injectable()
export class DepartmentSelfEvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly runner: ReviewRunner,
    private readonly history: ReviewHistory,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    readonly kind: DepartmentSelfEvaluationKind,
  ) {}

  async read(user: SessionUser, departmentId: string, year: number): Promise<DepartmentSelfEvaluationDto> {
    const key = await this.keyOf(user, departmentId, year);
    const stored = await this.dataSource.getRepository(DepartmentSelfEvaluation).findOneBy({ departmentId, fiscalYear: year });
    const target = await this.approvedTarget(this.dataSource.manager, key);
    const fromProjects = await this.fromProjects(this.dataSource.manager, key);
    const content = stored ? contentOf(stored) : this.prefilled(target, fromProjects);
    const parameters = scoringParametersOf(await this.settings.profileForYear(year));
    const { budget, checks } = assessDepartmentSelfEvaluation(content, parameters);
    const returned = stored?.status === 'draft' ? await this.history.byId(stored.returnedVersionId) : null;
    return {
      departmentId,
      departmentName: key.department.name,
      fiscalYear: year,
      version: stored?.version ?? 0,
      status: stored?.status ?? 'draft',
      budget,
      fromProjects,
      duties: content.duties,
      indicators: content.indicators,
      notes: content.notes,
      targetApproved: target?.approved ?? false,
      lastComment: returned?.comment ?? null,
      checks,
      actions: await this.runner.actionsFor(user, this.kind, key, stored),
    };
  }

  /** Every department in the user's scope with the state of its table for the year. */
  async list(user: SessionUser, year: number, page = 1, pageSize = 50): Promise<Page<DepartmentSelfEvaluationListItem>> {
    const query = this.dataSource
      .createQueryBuilder(Organization, 'o')
      .leftJoin(DepartmentSelfEvaluation, 'e', 'e.department_id = o.id AND e.fiscal_year = :year', { year })
      .select(['o.id AS department_id', 'o.name AS department_name', 'e.status AS status'])
      .addSelect('round((coalesce(e.basic_executed, 0) + coalesce(e.project_executed, 0)) / nullif(e.basic_initial + e.basic_adjustment + e.project_initial + e.project_adjustment, 0) * 100, 2)::text', 'rate')
      .addSelect('e.basic_executed IS NOT NULL OR e.project_executed IS NOT NULL', 'filed')
      .where("o.kind = 'department'");
    await this.scope.restrict(user, query, 'o.id');
    const [total, rows] = await Promise.all([query.getCount(), query.orderBy('o.name').offset((page - 1) * pageSize).limit(pageSize).getRawMany()]);
    return { total, items: rows.map((r) => ({ departmentId: r.department_id, departmentName: r.department_name, fiscalYear: year, status: r.status, rate: r.filed ? r.rate : null })) };
  }

  async save(user: SessionUser, departmentId: string, year: number, body: SaveDepartmentSelfEvaluationRequest): Promise<DepartmentSelfEvaluationDto> {
    const key = await this.keyOf(user, departmentId, year);
    await this.dataSource.transaction(async (db) => {
      const found = await this.runner.openForChange(db, user, this.kind, key, 'save', body.version);
      // the indicators are the approved target's (kept from the first save); the department gives their results
      const definitions = found.indicators.length ? found.indicators : this.prefilled(await this.approvedTarget(db, key), await this.fromProjects(db, key)).indicators;
      const given = new Map(body.indicators.map((i, n) => [i.id, { ...i, n }]));
      body.indicators.forEach((i, n) => {
        if (!definitions.some((d) => d.id === i.id)) throw badRequest(`第 ${n + 1} 行：指标不在本部门的整体绩效目标中，请刷新后重试`, [{ row: n + 1, field: 'id', message: '指标不属于本表' }]);
      });
      const content: DepartmentSelfEvaluationContent & { notes: string } = {
        budget: body.budget,
        duties: body.duties.map((d) => ({ duty: d.duty.trim(), result: d.result.trim() })).filter((d) => d.duty),
        indicators: definitions.map((d) => ({ ...d, actual: blankToNull(given.get(d.id)?.actual ?? d.actual), deviationNote: (given.get(d.id)?.deviationNote ?? d.deviationNote).trim() })),
        notes: body.notes?.trim() ?? found.notes,
      };
      const parameters = scoringParametersOf(await this.settings.profileForYear(year));
      const wrong = assessDepartmentSelfEvaluation(content, parameters).checks.filter((c) => (DEPARTMENT_SELF_EVALUATION_FORMAT_CODES as readonly string[]).includes(c.code));
      if (wrong.length) throw badRequest(`有 ${wrong.length} 处填写有误，未保存`, wrong.map((c) => ({ ...(c.row ? { row: c.row } : {}), field: c.field ?? undefined, message: c.message })));
      const amount = (text: string, fallback: string | null) => (text.trim() === '' ? fallback : (decimalOf(text) as Decimal).toFixed(2));
      for (const [field, text] of Object.entries({ 'budget.basic.initial': body.budget.basic.initial, 'budget.basic.executed': body.budget.basic.executed, 'budget.project.initial': body.budget.project.initial, 'budget.project.executed': body.budget.project.executed })) {
        if (decimalOf(text)?.abs().greaterThanOrEqualTo('1e16')) throw badRequest(`金额 ${text} 过大，请以元为单位填写`, [{ field, message: '金额过大' }]);
      }
      await this.runner.changed(db, user, this.kind, found, {
        basicInitial: amount(body.budget.basic.initial, '0') as string,
        basicAdjustment: amount(body.budget.basic.adjustment, '0') as string,
        basicExecuted: amount(body.budget.basic.executed, null),
        projectInitial: amount(body.budget.project.initial, '0') as string,
        projectAdjustment: amount(body.budget.project.adjustment, '0') as string,
        projectExecuted: amount(body.budget.project.executed, null),
        duties: content.duties,
        indicators: content.indicators,
        notes: content.notes,
      });
      await this.audit.record(db, user, [{ entity: 'department_self_evaluation', entityId: found.id, organizationId: departmentId, action: 'update', field: 'content', newValue: `版本 ${found.version + 1}` }]);
    });
    return this.read(user, departmentId, year);
  }

  async transition(user: SessionUser, departmentId: string, year: number, action: DepartmentSelfEvaluationTransition, body: ReviewRequest): Promise<DepartmentSelfEvaluationDto> {
    const key = await this.keyOf(user, departmentId, year);
    await this.dataSource.transaction((db) => this.runner.transition(db, user, this.kind, key, action, body));
    return this.read(user, departmentId, year);
  }

  async versions(user: SessionUser, departmentId: string, year: number): Promise<DocumentVersionDto[]> {
    await this.keyOf(user, departmentId, year);
    const stored = await this.dataSource.getRepository(DepartmentSelfEvaluation).findOneBy({ departmentId, fiscalYear: year });
    return stored ? this.history.list(this.kind.chain.kind, stored.id) : [];
  }

  async keyOf(user: SessionUser, departmentId: string, year: number): Promise<DepartmentYear> {
    await this.scope.assertReadable(user, departmentId);
    const department = await this.dataSource.getRepository(Organization).findOneBy({ id: departmentId, kind: 'department' });
    if (!department) throw badRequest('请选择主管部门', [{ field: 'departmentId', message: '不是主管部门' }]);
    return { department, year };
  }

  /**
   * The department's overall target of the year: the version in force, else (while none is approved)
   * its latest submitted version or draft, so the form is never blank; `approved` says which.
   */
  private async approvedTarget(db: EntityManager, { department, year }: DepartmentYear): Promise<(ApprovedTarget & { approved: boolean }) | null> {
    const [row] = await db.query(
      `SELECT coalesce(v.snapshot, latest.snapshot) AS snapshot, v.id IS NOT NULL AS approved,
              jsonb_build_object('duties', t.duties, 'budget', jsonb_build_object('basic', t.budget_basic, 'project', t.budget_project), 'indicators', t.indicators) AS draft
       FROM department_targets t
       LEFT JOIN document_versions v ON v.id = t.in_force_version_id
       LEFT JOIN LATERAL (SELECT d.snapshot FROM document_versions d WHERE d.document_kind = 'department_target' AND d.document_id = t.id ORDER BY d.number DESC LIMIT 1) latest ON true
       WHERE t.department_id = $1 AND t.fiscal_year = $2`,
      [department.id, year],
    );
    if (!row) return null;
    return { ...((row.snapshot ?? row.draft) as ApprovedTarget), approved: row.approved };
  }

  /** What the department's projects' self-evaluations of the year add up to. */
  private async fromProjects(db: EntityManager, { department, year }: DepartmentYear): Promise<DepartmentSelfEvaluationDto['fromProjects']> {
    const [sums] = await db.query(
      `SELECT coalesce(sum(e.budget_initial), 0)::text AS initial, coalesce(sum(e.budget_adjustment), 0)::text AS adjustment, coalesce(sum(e.budget_executed), 0)::text AS executed, count(*)::int AS evaluations
       FROM self_evaluations e JOIN organizations u ON u.id = e.unit_id WHERE e.fiscal_year = $2 AND (u.id = $1 OR u.parent_id = $1)`,
      [department.id, year],
    );
    const two = (t: string) => new Decimal(t).toFixed(2);
    return { initial: two(sums.initial), adjustment: two(sums.adjustment), executed: two(sums.executed), evaluations: sums.evaluations };
  }

  private prefilled(target: ApprovedTarget | null, projects: DepartmentSelfEvaluationDto['fromProjects']): DepartmentSelfEvaluationContent & { notes: string } {
    const hasProjects = projects.evaluations > 0;
    return {
      budget: {
        basic: { initial: target ? new Decimal(target.budget.basic).toFixed(2) : '0.00', adjustment: '0.00', executed: '' },
        project: { initial: hasProjects ? projects.initial : target ? new Decimal(target.budget.project).toFixed(2) : '0.00', adjustment: hasProjects ? projects.adjustment : '0.00', executed: hasProjects && !new Decimal(projects.executed).isZero() ? projects.executed : '' },
      },
      duties: (target?.duties ?? []).map((duty) => ({ duty, result: '' })),
      indicators: (target?.indicators ?? []).map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, comparator: i.comparator, value: i.value ?? '', unit: i.unit ?? '', kind: i.kind, actual: null, deviationNote: '' })),
      notes: '',
    };
  }
}
