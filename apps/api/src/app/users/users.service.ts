import { containsPattern } from '../common/text';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CreateUserRequest, SessionUser, UpdateUserRequest, UserDto, Page } from '@pm/api-contract';
import { passwordProblem, Role, roleOrganizationProblem } from '@pm/domain';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
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

/** Accounts are managed by admins only (the controller requires users.manage). */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly sessions: SessionsService,
    private readonly feed: ChangeFeed,
  ) {}

  async list(query: { q?: string; page?: number; pageSize?: number }): Promise<Page<UserDto>> {
    const pageSize = query.pageSize ?? 50;
    const search = this.users.createQueryBuilder('u').innerJoin(Organization, 'o', 'o.id = u.organization_id');
    const q = query.q?.trim();
    if (q) search.where('(u.username ILIKE :q OR u.display_name ILIKE :q OR o.name ILIKE :q)', { q: containsPattern(q) });
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
    const saved = await this.users.save(
      this.users.create({
        username: body.username,
        displayName: body.displayName.trim(),
        role: body.role,
        organizationId: organization.id,
        passwordHash: await argon2.hash(body.password),
        createdBy: actor.id,
        updatedBy: actor.id,
      }),
    );
    return toDto({ ...saved, organizationName: organization.name });
  }

  async update(id: string, body: UpdateUserRequest, actor: SessionUser): Promise<UserDto> {
    const user = await this.find(id);
    if (id === actor.id && (body.disabled === true || (body.role && body.role !== user.role))) {
      throw badRequest('不能停用自己的账号或修改自己的角色');
    }
    const role = body.role ?? user.role;
    const organization = await this.organizationFor(role, body.organizationId ?? user.organizationId);
    Object.assign(user, {
      displayName: body.displayName?.trim() ?? user.displayName,
      role,
      organizationId: organization.id,
      disabled: body.disabled ?? user.disabled,
      updatedBy: actor.id,
    });
    const saved = await this.users.save(user);
    this.feed.changed('users');
    // a disabled account is signed out everywhere at once
    if (saved.disabled) await this.sessions.revokeAllOf(saved.id);
    return toDto({ ...saved, organizationName: organization.name });
  }

  async resetPassword(id: string, password: string, actor: SessionUser): Promise<void> {
    await this.find(id);
    this.assertPassword(password);
    await this.users.update(id, { passwordHash: await argon2.hash(password), updatedBy: actor.id });
    // whoever knew the old password is signed out with it
    await this.sessions.revokeAllOf(id);
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
