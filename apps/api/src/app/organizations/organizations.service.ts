import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { CreateOrganizationRequest, OrganizationDto, SessionUser, UpdateOrganizationRequest } from '@pm/api-contract';
import { moveProblem, ORGANIZATION_KIND_LABELS, parentProblem } from '@pm/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditChange, AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../database/change-feed.service';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { contentsOf, describeContents } from './organization-contents';
import { Organization } from './organization.entity';

const toDto = (o: Organization): OrganizationDto => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  parentId: o.parentId,
  code: o.code,
});

/**
 * The tree's changes are audited without an organisation (like fiscal years): an entry naming the
 * organisation itself would keep it from ever being deleted.
 */
const change = (id: string, action: string, field: string, oldValue: string | null, newValue: string | null): AuditChange => ({
  entity: 'organization',
  entityId: id,
  organizationId: null,
  action,
  field,
  oldValue,
  newValue,
});

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly feed: ChangeFeed,
  ) {}

  /** The organisations the user may see: finance and admin all, a department its subtree, a unit itself. */
  async list(user: SessionUser): Promise<OrganizationDto[]> {
    const query = this.organizations.createQueryBuilder('o').orderBy('o.kind').addOrderBy('o.name');
    await this.scope.restrict(user, query, 'o.id');
    return (await query.getMany()).map(toDto);
  }

  async create(body: CreateOrganizationRequest, actor: SessionUser): Promise<OrganizationDto> {
    const parent = body.parentId ? await this.organizations.findOneBy({ id: body.parentId }) : null;
    if (body.parentId && !parent) throw badRequest('上级单位不存在', [{ field: 'parentId', message: '上级单位不存在' }]);
    const problem = parentProblem(body.kind, parent?.kind ?? null);
    if (problem) throw badRequest(problem, [{ field: 'parentId', message: problem }]);
    await this.assertNameFree(body.name.trim(), body.parentId);
    const saved = await this.dataSource.transaction(async (db) => {
      const created = await db.save(
        db.create(Organization, {
          name: body.name.trim(),
          kind: body.kind,
          parentId: body.parentId,
          code: body.code?.trim() || null,
          createdBy: actor.id,
          updatedBy: actor.id,
        }),
      );
      await this.audit.record(db, actor, [change(created.id, 'create', ORGANIZATION_KIND_LABELS[created.kind], null, `${created.name}（上级：${parent?.name ?? '无'}）`)]);
      return created;
    });
    this.feed.changed('organizations');
    return toDto(saved);
  }

  /** Rename, recode or move (under a new parent that fits the tree's shape, never below itself). */
  async update(id: string, body: UpdateOrganizationRequest, actor: SessionUser): Promise<OrganizationDto> {
    const organization = await this.find(id);
    const before = { ...organization };
    const parentId = body.parentId !== undefined ? body.parentId : organization.parentId;
    const parent = parentId ? await this.organizations.findOneBy({ id: parentId }) : null;
    if (parentId !== organization.parentId) {
      if (parentId && !parent) throw badRequest('上级单位不存在', [{ field: 'parentId', message: '上级单位不存在' }]);
      const tree = await this.organizations.find({ select: { id: true, kind: true, parentId: true } });
      const problem = moveProblem(organization, parent, tree);
      if (problem) throw badRequest(problem, [{ field: 'parentId', message: problem }]);
      organization.parentId = parentId;
    }
    const name = body.name?.trim() ?? organization.name;
    if (name !== before.name || parentId !== before.parentId) await this.assertNameFree(name, parentId, id);
    organization.name = name;
    if (body.code !== undefined) organization.code = body.code?.trim() || null;
    organization.updatedBy = actor.id;
    const saved = await this.dataSource.transaction(async (db) => {
      const result = await db.save(Organization, organization);
      await this.audit.record(db, actor, await this.changesOf(db, before, result));
      return result;
    });
    this.feed.changed('organizations');
    return toDto(saved);
  }

  /** Only an empty organisation goes: anything that still names it is listed in the 409. */
  async remove(id: string, actor: SessionUser): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const organization = await db.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw new NotFoundException('未找到该单位');
      const contents = await contentsOf(db, id);
      if (contents.length) {
        throw new ConflictException({
          message: `「${organization.name}」还有 ${describeContents(contents)}，不能删除；请先移走或删除这些内容`,
          errors: contents.map((c) => ({ field: c.field, message: `还有 ${describeContents([c])}` })),
        });
      }
      await this.audit.record(db, actor, [change(id, 'delete', ORGANIZATION_KIND_LABELS[organization.kind], organization.name, null)]);
      try {
        await db.delete(Organization, { id });
      } catch (error) {
        if ((error as { code?: string }).code !== '23503') throw error;
        throw new ConflictException({ message: `「${organization.name}」仍被其他记录使用，不能删除`, errors: [] });
      }
    });
    this.feed.changed('organizations');
  }

  private async changesOf(db: EntityManager, before: Organization, after: Organization): Promise<AuditChange[]> {
    const changes: AuditChange[] = [];
    if (before.name !== after.name) changes.push(change(after.id, 'update', '单位名称', before.name, after.name));
    if (before.code !== after.code) changes.push(change(after.id, 'update', '单位编码', before.code, after.code));
    if (before.parentId !== after.parentId) {
      const ids = [before.parentId, after.parentId].filter((p): p is string => p !== null);
      const names = new Map((await db.findBy(Organization, ids.map((p) => ({ id: p })))).map((o) => [o.id, o.name]));
      const nameOf = (p: string | null) => (p ? (names.get(p) ?? null) : '无');
      changes.push(change(after.id, 'move', '上级单位', nameOf(before.parentId), nameOf(after.parentId)));
    }
    return changes;
  }

  private async find(id: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundException('未找到该单位');
    return organization;
  }

  private async assertNameFree(name: string, parentId: string | null, except?: string): Promise<void> {
    const clash = this.organizations
      .createQueryBuilder('o')
      .where('o.name = :name', { name })
      .andWhere(parentId ? 'o.parent_id = :parentId' : 'o.parent_id IS NULL', { parentId });
    if (except) clash.andWhere('o.id <> :except', { except });
    if (await clash.getExists()) throw badRequest(`同一上级下已有名为「${name}」的单位`, [{ field: 'name', message: '单位名称重复' }]);
  }
}
