import { containsPattern } from '../common/text';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { CreateUserRequest, SessionUser, UpdateUserRequest, UserDto, UserListQuery, Page } from '@pm/api-contract';
import { passwordProblem, Role, ROLE_LABELS, roleOrganizationProblem } from '@pm/domain';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditChange, AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { ChangeFeed } from '../database/change-feed.service';
import { SessionsService } from '../auth/sessions/sessions.service';
import { Organization } from '../organizations/organization.entity';
import { User } from './user.entity';

type UserRow = User & { organizationName: string };

const toDto = (u: UserRow): UserDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  organizationId: u.organizationId,
  organizationName: u.organizationName,
  disabled: u.disabled,
  lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
});

const statusLabel = (disabled: boolean) => (disabled ? '已停用' : '正常');

/**
 * Accounts are managed by admins only (the controller requires users.manage). Account changes are
 * audited without an organisation (like fiscal years), so the log never holds on to an emptied one.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly feed: ChangeFeed,
  ) {}

  async list(query: UserListQuery): Promise<Page<UserDto>> {
    const pageSize = query.pageSize ?? 50;
    const search = this.users.createQueryBuilder('u').innerJoin(Organization, 'o', 'o.id = u.organization_id');
    const q = query.q?.trim();
    if (q) search.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q OR o.name ILIKE :q)', { q: containsPattern(q) });
    if (query.role) search.andWhere('u.role = :role', { role: query.role });
    if (query.organizationId) search.andWhere('u.organization_id = :organizationId', { organizationId: query.organizationId });
    const total = await search.getCount();
    const rows = await search
      .addSelect('o.name', 'organization_name')
      .orderBy('o.name')
      .addOrderBy('u.username')
      .offset(((query.page ?? 1) - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities();
    return { items: rows.entities.map((u, i) => toDto({ ...u, organizationName: rows.raw[i].organization_name })), total };
  }

  async create(body: CreateUserRequest, actor: SessionUser): Promise<UserDto> {
    const organization = await this.organizationFor(body.role, body.organizationId);
    this.assertPassword(body.password);
    const taken = await this.users.createQueryBuilder('u').where('lower(u.username) = lower(:name)', { name: body.username }).getExists();
    if (taken) throw badRequest(`用户名「${body.username}」已被使用`, [{ field: 'username', message: '用户名已被使用' }]);
    const passwordHash = await argon2.hash(body.password);
    const saved = await this.dataSource.transaction(async (db) => {
      const user = await db.save(
        db.create(User, {
          username: body.username,
          displayName: body.displayName.trim(),
          role: body.role,
          organizationId: organization.id,
          passwordHash,
          createdBy: actor.id,
          updatedBy: actor.id,
        }),
      );
      await this.audit.record(db, actor, [this.change(user.id, 'create', '用户', null, `${user.username}（${user.displayName}，${ROLE_LABELS[user.role]}，${organization.name}）`)]);
      return user;
    });
    this.feed.changed('users');
    return toDto({ ...saved, organizationName: organization.name });
  }

  /** 姓名, 角色, 单位 and 停用; never one's own role or account, never the last enabled admin. */
  async update(id: string, body: UpdateUserRequest, actor: SessionUser): Promise<UserDto> {
    const user = await this.find(id);
    if (id === actor.id && (body.disabled === true || (body.role && body.role !== user.role))) {
      throw new ConflictException('不能停用自己的账号或修改自己的角色');
    }
    const before = { ...user };
    const role = body.role ?? user.role;
    const organization = await this.organizationFor(role, body.organizationId ?? user.organizationId);
    Object.assign(user, {
      displayName: body.displayName?.trim() ?? user.displayName,
      role,
      organizationId: organization.id,
      disabled: body.disabled ?? user.disabled,
      updatedBy: actor.id,
    });
    const saved = await this.dataSource.transaction(async (db) => {
      if (before.role === 'admin' && !before.disabled && (user.role !== 'admin' || user.disabled)) await this.assertAnotherAdmin(db, id);
      const result = await db.save(User, user);
      await this.audit.record(db, actor, await this.changesOf(db, before, result));
      return result;
    });
    this.feed.changed('users');
    // a disabled account is signed out everywhere at once (after the commit, so no cache reads it still open)
    if (saved.disabled && !before.disabled) await this.sessions.revokeAllOf(saved.id);
    return toDto({ ...saved, organizationName: organization.name });
  }

  async resetPassword(id: string, password: string, actor: SessionUser): Promise<void> {
    await this.find(id);
    this.assertPassword(password);
    const passwordHash = await argon2.hash(password);
    await this.dataSource.transaction(async (db) => {
      await db.update(User, id, { passwordHash, updatedBy: actor.id });
      await this.audit.record(db, actor, [this.change(id, 'reset_password', '密码')]);
    });
    // whoever knew the old password is signed out with it
    await this.sessions.revokeAllOf(id);
  }

  /** Two admins disabling each other at once: the enabled admins are locked, so the second one sees the first's change. */
  private async assertAnotherAdmin(db: EntityManager, leaving: string): Promise<void> {
    const admins: { id: string }[] = await db.query(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`);
    if (!admins.some((a) => a.id !== leaving)) throw new ConflictException('这是最后一个启用的管理员账号，不能停用或改为其他角色');
  }

  private async changesOf(db: EntityManager, before: User, after: User): Promise<AuditChange[]> {
    const changes: AuditChange[] = [];
    if (before.displayName !== after.displayName) changes.push(this.change(after.id, 'update', '姓名', before.displayName, after.displayName));
    if (before.role !== after.role) changes.push(this.change(after.id, 'update', '角色', ROLE_LABELS[before.role], ROLE_LABELS[after.role]));
    if (before.organizationId !== after.organizationId) {
      const names = new Map((await db.findBy(Organization, [{ id: before.organizationId }, { id: after.organizationId }])).map((o) => [o.id, o.name]));
      changes.push(this.change(after.id, 'update', '所属单位', names.get(before.organizationId) ?? null, names.get(after.organizationId) ?? null));
    }
    if (before.disabled !== after.disabled) changes.push(this.change(after.id, after.disabled ? 'disable' : 'enable', '状态', statusLabel(before.disabled), statusLabel(after.disabled)));
    return changes;
  }

  private change(userId: string, action: string, field: string, oldValue: string | null = null, newValue: string | null = null): AuditChange {
    return { entity: 'user', entityId: userId, organizationId: null, action, field, oldValue, newValue };
  }

  private async find(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('未找到该用户');
    return user;
  }

  private async organizationFor(role: Role, organizationId: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id: organizationId });
    if (!organization) throw badRequest('所属单位不存在', [{ field: 'organizationId', message: '所属单位不存在' }]);
    const problem = roleOrganizationProblem(role, organization.kind);
    if (problem) throw badRequest(problem, [{ field: 'organizationId', message: problem }]);
    return organization;
  }

  private assertPassword(password: string): void {
    const problem = passwordProblem(password);
    if (problem) throw badRequest(problem, [{ field: 'password', message: problem }]);
  }
}
