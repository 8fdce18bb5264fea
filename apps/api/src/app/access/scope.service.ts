import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SessionUser } from '@pm/api-contract';
import { canRead, canWrite, Scope, scopeOf } from '@pm/domain';
import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { Cached, ChangeFeed } from '../database/change-feed.service';
import { Organization } from '../organizations/organization.entity';

/** The organisation tree as held in memory, with each role-and-organisation's scope worked out once. */
interface Tree {
  nodes: { id: string; parentId: string | null }[];
  parentOf: Map<string, string | null>;
  scopes: Map<string, Scope>;
}

/**
 * The one place that turns a user into the organisations they may read and write
 * (the rule itself is scopeOf in libs/domain). Every query of scoped records goes
 * through restrict(); single records through assertReadable / assertWritable.
 * Out of scope reads answer 404 (the record's existence is not disclosed); writes 403.
 */
@Injectable()
export class ScopeService {
  private readonly tree: Cached<Tree>;

  constructor(@InjectRepository(Organization) organizations: Repository<Organization>, feed: ChangeFeed) {
    this.tree = new Cached(feed, ['organizations'], async () => {
      const nodes = await organizations.find({ select: { id: true, parentId: true } });
      return { nodes, parentOf: new Map(nodes.map((n) => [n.id, n.parentId])), scopes: new Map() };
    });
  }

  /** The user's scope, from the tree in memory (reloaded when any organisation changes). */
  async of(user: SessionUser): Promise<Scope> {
    const tree = await this.tree.get();
    const key = `${user.role}:${user.organizationId}`;
    let scope = tree.scopes.get(key);
    if (!scope) {
      scope = scopeOf(user, tree.nodes);
      tree.scopes.set(key, scope);
    }
    return scope;
  }

  /** Limits a query to rows whose organisation column the user may read. */
  async restrict<T extends ObjectLiteral>(
    user: SessionUser,
    query: SelectQueryBuilder<T>,
    organizationColumn: string,
  ): Promise<SelectQueryBuilder<T>> {
    const scope = await this.of(user);
    if (scope.read === 'all') return query;
    return query.andWhere(`${organizationColumn} = ANY(:scopeOrganizationIds)`, {
      scopeOrganizationIds: [...scope.read],
    });
  }

  /**
   * The same limit for a statement written by hand: the condition on `organizationColumn`, with
   * its value added to `params` (null when the user reads everything).
   */
  async readableCondition(user: SessionUser, organizationColumn: string, params: unknown[]): Promise<string | null> {
    const scope = await this.of(user);
    if (scope.read === 'all') return null;
    return `${organizationColumn} = ANY($${params.push([...scope.read])}::uuid[])`;
  }

  /** Limits a query to rows of the organisations the user writes for (authors' own work in 待办). */
  async restrictWritable<T extends ObjectLiteral>(user: SessionUser, query: SelectQueryBuilder<T>, organizationColumn: string): Promise<SelectQueryBuilder<T>> {
    const scope = await this.of(user);
    return query.andWhere(`${organizationColumn} = ANY(:scopeWritableIds)`, { scopeWritableIds: [...scope.write] });
  }

  /** The 主管部门 a user works in or under: a department reviewer's own, a unit's parent; null for finance and admin. */
  async departmentOf(user: SessionUser): Promise<string | null> {
    if (user.role === 'department_reviewer') return user.organizationId;
    if (user.role !== 'project_lead') return null;
    return (await this.tree.get()).parentOf.get(user.organizationId) ?? null;
  }

  async assertReadable(user: SessionUser, organizationId: string): Promise<void> {
    if (!canRead(await this.of(user), organizationId)) throw new NotFoundException('未找到该记录，或您无权查看');
  }

  async assertWritable(user: SessionUser, organizationId: string): Promise<void> {
    if (!canWrite(await this.of(user), organizationId)) throw new ForbiddenException('您只能为本单位办理此项业务');
  }
}
