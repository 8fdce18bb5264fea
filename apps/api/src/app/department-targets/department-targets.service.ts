import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DepartmentTargetDto, DepartmentTargetSummaryDto, SaveDepartmentTargetRequest, SessionUser, SheetTransitionRequest, TargetIndicatorDto } from '@pm/api-contract';
import { checkDepartmentTarget, DEPARTMENT_DICTIONARY, DepartmentTargetAction, normaliseIndicatorName, transitionDepartmentTarget } from '@pm/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest, blockedByChecks } from '../common/api-error';
import { Organization } from '../organizations/organization.entity';
import { SettingsService } from '../settings/settings.service';
import { DepartmentTargetVersion } from './department-target-version.entity';
import { DepartmentTarget } from './department-target.entity';

/** Read, save and move a department's overall target through department → finance review. */
@Injectable()
export class DepartmentTargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(DepartmentTarget) private readonly targets: Repository<DepartmentTarget>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly scope: ScopeService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  async read(user: SessionUser, departmentId: string, year: number): Promise<DepartmentTargetDto> {
    const department = await this.department(user, departmentId);
    const target = await this.targets.findOneBy({ departmentId, fiscalYear: year });
    return this.describe(department, year, target);
  }

  /** Every department the user may read, with its target for the year (or none yet). */
  async list(user: SessionUser, year: number): Promise<DepartmentTargetSummaryDto[]> {
    const query = this.organizations
      .createQueryBuilder('o')
      .leftJoin(DepartmentTarget, 't', 't.department_id = o.id AND t.fiscal_year = :year', { year })
      .select(['o.id AS department_id', 'o.name AS department_name', 't.status AS status', 't.version AS version', 't.last_comment AS last_comment', 't.updated_at AS updated_at'])
      .where("o.kind = 'department'");
    await this.scope.restrict(user, query, 'o.id');
    const rows = await query.orderBy('o.name', 'ASC').getRawMany<{ department_id: string; department_name: string; status: DepartmentTarget['status'] | null; version: number | null; last_comment: string | null; updated_at: Date | null }>();
    return rows.map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      fiscalYear: year,
      status: r.status ?? 'draft',
      version: r.version ?? 0,
      returned: r.status === 'draft' && r.last_comment !== null,
      updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    }));
  }

  async save(user: SessionUser, departmentId: string, year: number, body: SaveDepartmentTargetRequest): Promise<DepartmentTargetDto> {
    const department = await this.department(user, departmentId);
    this.assertOwnDepartment(user, departmentId);
    await this.dataSource.transaction(async (db) => {
      const target = await this.lockOrCreate(db, departmentId, year, user, body.version);
      this.allow(target, user, 'save');
      if (target.version !== body.version) throw new ConflictException(`部门整体绩效目标已被他人修改（当前版本 ${target.version}），请刷新后重试`);
      await db.update(DepartmentTarget, { id: target.id }, {
        version: target.version + 1,
        duties: body.duties.map((d) => d.trim()).filter(Boolean),
        tasks: body.tasks.map((t) => ({ name: t.name.trim(), content: t.content.trim() })),
        budgetTotal: body.budget.total,
        budgetBasic: body.budget.basic,
        budgetProject: body.budget.project,
        budgetAppropriation: body.budget.appropriation,
        budgetCarryOver: body.budget.carryOver,
        budgetOther: body.budget.other,
        indicators: body.indicators.map((r) => ({ ...r, level1: normaliseIndicatorName(r.level1, DEPARTMENT_DICTIONARY), level2: normaliseIndicatorName(r.level2, DEPARTMENT_DICTIONARY), weight: null })),
        updatedBy: user.id,
      });
      await this.audit.record(db, user, [{ entity: 'department_target', entityId: target.id, organizationId: departmentId, action: 'update', field: 'content', newValue: `版本 ${target.version + 1}` }]);
    });
    return this.describe(department, year, await this.targets.findOneBy({ departmentId, fiscalYear: year }));
  }

  async transition(user: SessionUser, departmentId: string, year: number, action: Exclude<DepartmentTargetAction, 'save'>, body: SheetTransitionRequest): Promise<DepartmentTargetDto> {
    await this.department(user, departmentId);
    if (action === 'submit') this.assertOwnDepartment(user, departmentId);
    const profile = await this.settings.profileForYear(year);
    await this.dataSource.transaction(async (db) => {
      const target = await db.createQueryBuilder(DepartmentTarget, 't').setLock('pessimistic_write').where('t.department_id = :departmentId AND t.fiscal_year = :year', { departmentId, year }).getOne();
      if (!target) throw new ConflictException('该部门尚未填报部门整体绩效目标');
      if (body.version !== undefined && body.version !== target.version) throw new ConflictException('部门整体绩效目标已变化，请刷新后重试');
      const next = this.allow(target, user, action, body.comment);
      if (action === 'submit') {
        const blocking = checkDepartmentTarget(this.content(target), profile).filter((c) => c.severity === 'blocking');
        if (blocking.length) throw blockedByChecks(blocking);
      }
      const last = await db.createQueryBuilder(DepartmentTargetVersion, 'v').select('coalesce(max(v.number), 0)', 'n').where('v.target_id = :id', { id: target.id }).getRawOne<{ n: number }>();
      await db.insert(DepartmentTargetVersion, { targetId: target.id, number: Number(last?.n ?? 0) + 1, action, statusAfter: next, actorId: user.id, comment: body.comment?.trim() || null, snapshot: { ...this.content(target) } });
      await db.update(DepartmentTarget, { id: target.id }, {
        status: next,
        version: target.version + 1,
        updatedBy: user.id,
        ...(action === 'submit' ? { submittedBy: user.id, submittedAt: new Date() } : { lastComment: body.comment?.trim() || null }),
      });
      await this.audit.record(db, user, [{ entity: 'department_target', entityId: target.id, organizationId: departmentId, action, field: 'status', oldValue: target.status, newValue: next }]);
    });
    return this.read(user, departmentId, year);
  }

  private allow(target: DepartmentTarget, user: SessionUser, action: DepartmentTargetAction, comment?: string) {
    const result = transitionDepartmentTarget({ status: target.status, action, role: user.role, actorSubmittedIt: target.submittedBy === user.id, comment });
    if (result.ok) return result.status;
    if (result.refusal === 'forbidden') throw new ForbiddenException(result.message);
    if (result.refusal === 'conflict') throw new ConflictException(result.message);
    throw badRequest(result.message);
  }

  /** A department readable by the user (404 otherwise). */
  private async department(user: SessionUser, departmentId: string): Promise<Organization> {
    await this.scope.assertReadable(user, departmentId);
    const department = await this.organizations.findOneBy({ id: departmentId, kind: 'department' });
    if (!department) throw badRequest('请选择主管部门');
    return department;
  }

  private assertOwnDepartment(user: SessionUser, departmentId: string): void {
    if (user.role !== 'department_reviewer' || user.organizationId !== departmentId) throw new ForbiddenException('部门整体绩效目标由本部门填报');
  }

  private async lockOrCreate(db: EntityManager, departmentId: string, fiscalYear: number, user: SessionUser, version: number): Promise<DepartmentTarget> {
    const find = () => db.createQueryBuilder(DepartmentTarget, 't').setLock('pessimistic_write').where('t.department_id = :departmentId AND t.fiscal_year = :fiscalYear', { departmentId, fiscalYear }).getOne();
    const existing = await find();
    if (existing) return existing;
    if (version !== 0) throw new ConflictException('部门整体绩效目标不存在，请刷新后重试');
    await db.createQueryBuilder().insert().into(DepartmentTarget).values({ departmentId, fiscalYear, version: 0, createdBy: user.id, updatedBy: user.id }).orIgnore().execute();
    return (await find()) as DepartmentTarget;
  }

  private content(t: DepartmentTarget) {
    return {
      duties: t.duties,
      tasks: t.tasks,
      budget: { total: t.budgetTotal, basic: t.budgetBasic, project: t.budgetProject, appropriation: t.budgetAppropriation, carryOver: t.budgetCarryOver, other: t.budgetOther },
      indicators: t.indicators,
    };
  }

  private async describe(department: Organization, year: number, target: DepartmentTarget | null): Promise<DepartmentTargetDto> {
    const empty = { total: '0.00', basic: '0.00', project: '0.00', appropriation: '0.00', carryOver: '0.00', other: '0.00' };
    const content = target ? this.content(target) : { duties: [], tasks: [], budget: empty, indicators: [] };
    const profile = await this.settings.profileForYear(year);
    return {
      departmentId: department.id,
      departmentName: department.name,
      fiscalYear: year,
      version: target?.version ?? 0,
      status: target?.status ?? 'draft',
      ...content,
      indicators: content.indicators as TargetIndicatorDto[],
      lastComment: target?.lastComment ?? null,
      checks: checkDepartmentTarget(content, profile),
      profile,
    };
  }
}
