import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DepartmentTargetDto, DepartmentTargetSummaryDto, DocumentVersionDto, ReviewRequest, SaveDepartmentTargetRequest, SessionUser, TargetIndicatorDto } from '@pm/api-contract';
import { ChainAction, checkDepartmentTarget, DEPARTMENT_DICTIONARY, DepartmentTargetContent, normaliseIndicatorName } from '@pm/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { Organization } from '../organizations/organization.entity';
import { ReviewHistory } from '../review/review-history.service';
import { refuseUnless, ReviewRunner } from '../review/review-runner.service';
import { SettingsService } from '../settings/settings.service';
import { DepartmentTarget } from './department-target.entity';
import { contentOf, DepartmentTargetKind, DepartmentYear } from './department-target.kind';

/** The entity's columns of a target's content (duties and tasks trimmed, empty duties dropped). */
function columnsOf(content: Pick<DepartmentTargetContent, 'duties' | 'tasks' | 'budget'> & { indicators: DepartmentTarget['indicators'] }): Partial<DepartmentTarget> {
  return {
    duties: content.duties.map((d) => d.trim()).filter(Boolean),
    tasks: content.tasks.map((t) => ({ name: t.name.trim(), content: t.content.trim() })),
    budgetTotal: content.budget.total,
    budgetBasic: content.budget.basic,
    budgetProject: content.budget.project,
    budgetAppropriation: content.budget.appropriation,
    budgetCarryOver: content.budget.carryOver,
    budgetOther: content.budget.other,
    indicators: content.indicators,
  };
}

export type DepartmentTargetTransition = Extract<ChainAction, 'submit' | 'approve' | 'return'>;

/** Read and save a department's overall target; its review runs on the one chain. */
@Injectable()
export class DepartmentTargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(DepartmentTarget) private readonly targets: Repository<DepartmentTarget>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly scope: ScopeService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly runner: ReviewRunner,
    private readonly history: ReviewHistory,
    private readonly kind: DepartmentTargetKind,
  ) {}

  async read(user: SessionUser, departmentId: string, year: number): Promise<DepartmentTargetDto> {
    const key = await this.keyOf(user, departmentId, year);
    return this.describe(user, key, await this.targets.findOneBy({ departmentId, fiscalYear: year }));
  }

  /** Every department the user may read, with its target for the year (or none yet). */
  async list(user: SessionUser, year: number): Promise<DepartmentTargetSummaryDto[]> {
    const query = this.organizations
      .createQueryBuilder('o')
      .leftJoin(DepartmentTarget, 't', 't.department_id = o.id AND t.fiscal_year = :year', { year })
      .select(['o.id AS department_id', 'o.name AS department_name', 't.status AS status', 't.version AS version', 't.returned_version_id IS NOT NULL AS returned', 't.updated_at AS updated_at'])
      .where("o.kind = 'department'");
    await this.scope.restrict(user, query, 'o.id');
    const rows = await query.orderBy('o.name', 'ASC').getRawMany<{ department_id: string; department_name: string; status: DepartmentTarget['status'] | null; version: number | null; returned: boolean | null; updated_at: Date | null }>();
    return rows.map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      fiscalYear: year,
      status: r.status ?? 'draft',
      version: r.version ?? 0,
      returned: r.status === 'draft' && r.returned === true,
      updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    }));
  }

  async save(user: SessionUser, departmentId: string, year: number, body: SaveDepartmentTargetRequest): Promise<DepartmentTargetDto> {
    const key = await this.keyOf(user, departmentId, year);
    await this.dataSource.transaction(async (db) => {
      const target = await this.runner.openForChange(db, user, this.kind, key, 'save', body.version);
      const known = new Set(target.indicators.map((r) => r.id));
      const indicators = body.indicators.map((r, i) => {
        if (r.id && !known.has(r.id)) throw badRequest(`第 ${i + 1} 行：指标编号不属于本表，可能已被删除，请刷新后重试`, [{ row: i + 1, field: 'id', message: '指标编号不属于本表' }]);
        return { ...r, id: r.id ?? randomUUID(), level1: normaliseIndicatorName(r.level1, DEPARTMENT_DICTIONARY), level2: normaliseIndicatorName(r.level2, DEPARTMENT_DICTIONARY), weight: null };
      });
      await this.runner.changed(db, user, this.kind, target, columnsOf({ ...body, indicators }));
      await this.audit.record(db, user, [{ entity: 'department_target', entityId: target.id, organizationId: departmentId, action: 'update', field: 'content', newValue: `版本 ${target.version + 1}` }]);
    });
    return this.read(user, departmentId, year);
  }

  /**
   * Whether the user may import into the department's target of the year, asked of the chain as the
   * real import will (its `import` row: the department's own reviewer, while a draft): 404 out of
   * sight, 403 not theirs, 409 under review or approved. Answers the department and its target as it stands (or null).
   */
  async importable(user: SessionUser, departmentId: string, year: number): Promise<{ department: Organization; target: DepartmentTarget | null }> {
    const key = await this.keyOf(user, departmentId, year);
    const target = await this.targets.findOneBy({ departmentId, fiscalYear: year });
    refuseUnless(await this.runner.decision(user, this.kind, key, target, 'import'));
    return { department: key.department, target };
  }

  /**
   * Stores imported content as the department's draft, through the chain's `import` row under the
   * document's lock (a change since `version` was read is a 409), with its audit entry. Indicators
   * carry their ids (the importer keeps those of matching rows); weights are not part of this table.
   */
  async storeImported(user: SessionUser, departmentId: string, year: number, version: number, content: Omit<DepartmentTargetContent, 'indicators'> & { indicators: (TargetIndicatorDto & { id: string })[] }, note: string): Promise<void> {
    const key = await this.keyOf(user, departmentId, year);
    await this.dataSource.transaction(async (db) => {
      const target = await this.runner.openForChange(db, user, this.kind, key, 'import', version);
      await this.runner.changed(db, user, this.kind, target, columnsOf({ ...content, indicators: content.indicators.map((r) => ({ ...r, weight: null })) }));
      await this.audit.record(db, user, [{ entity: 'department_target', entityId: target.id, organizationId: departmentId, action: 'import', field: 'content', newValue: `版本 ${target.version + 1}：${note}` }]);
    });
  }

  async transition(user: SessionUser, departmentId: string, year: number, action: DepartmentTargetTransition, body: ReviewRequest): Promise<DepartmentTargetDto> {
    const key = await this.keyOf(user, departmentId, year);
    await this.dataSource.transaction((db) => this.runner.transition(db, user, this.kind, key, action, body));
    return this.read(user, departmentId, year);
  }

  async versions(user: SessionUser, departmentId: string, year: number): Promise<DocumentVersionDto[]> {
    await this.keyOf(user, departmentId, year);
    const target = await this.targets.findOneBy({ departmentId, fiscalYear: year });
    return target ? this.history.list(this.kind.chain.kind, target.id) : [];
  }

  /** A department readable by the user (404 otherwise) and the year. */
  private async keyOf(user: SessionUser, departmentId: string, year: number): Promise<DepartmentYear> {
    await this.scope.assertReadable(user, departmentId);
    const department = await this.organizations.findOneBy({ id: departmentId, kind: 'department' });
    if (!department) throw badRequest('请选择主管部门');
    return { department, year };
  }

  private async describe(user: SessionUser, key: DepartmentYear, target: DepartmentTarget | null): Promise<DepartmentTargetDto> {
    const empty = { total: '0.00', basic: '0.00', project: '0.00', appropriation: '0.00', carryOver: '0.00', other: '0.00' };
    const content = target ? contentOf(target) : { duties: [], tasks: [], budget: empty, indicators: [] };
    const profile = await this.settings.profileForYear(key.year);
    const returned = target?.status === 'draft' ? await this.history.byId(target.returnedVersionId) : null;
    return {
      departmentId: key.department.id,
      departmentName: key.department.name,
      fiscalYear: key.year,
      version: target?.version ?? 0,
      status: target?.status ?? 'draft',
      ...content,
      indicators: content.indicators as TargetIndicatorDto[],
      lastComment: returned?.comment ?? null,
      checks: checkDepartmentTarget(content, profile),
      actions: await this.runner.actionsFor(user, this.kind, key, target),
      profile,
    };
  }
}
