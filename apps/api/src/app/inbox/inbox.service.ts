import { Injectable, OnModuleInit } from '@nestjs/common';
import { InboxItem, InboxResponse, SessionUser } from '@pm/api-contract';
import { authorOf, ReviewChain, statesAwaiting } from '@pm/domain';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';

/** One kind of document's share of the 待办: what waits for this user, oldest first. */
export interface InboxSource {
  waiting(user: SessionUser, limit: number): Promise<{ items: InboxItem[]; total: number }>;
}

/**
 * 待办: what waits for this user's action, in their scope, oldest first. Each document kind
 * registers the source that knows its own table (and asks its chain which states await whom);
 * the inbox only merges and pages them.
 */
@Injectable()
export class InboxService {
  private readonly sources: InboxSource[] = [];

  register(source: InboxSource): void {
    this.sources.push(source);
  }

  async of(user: SessionUser, page = 1, pageSize = 50): Promise<InboxResponse> {
    const limit = page * pageSize;
    const parts = await Promise.all(this.sources.map((s) => s.waiting(user, limit)));
    const items = parts.flatMap((p) => p.items).sort((a, b) => a.since.localeCompare(b.since));
    return { items: items.slice((page - 1) * pageSize, limit), total: parts.reduce((n, p) => n + p.total, 0) };
  }
}

/**
 * A document kind's 待办 source: registers itself with the inbox and limits its query to what the
 * chain says waits for the user — an author's own organisations, a reviewer's scope.
 */
export abstract class ChainInboxSource implements InboxSource, OnModuleInit {
  constructor(
    protected readonly scope: ScopeService,
    private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this);
  }

  abstract waiting(user: SessionUser, limit: number): Promise<{ items: InboxItem[]; total: number }>;

  /**
   * The first `limit` rows of the ordered query with the count of all of them, in one statement
   * (prepared: a source's query has one text per role).
   */
  protected async firstRows<R, T extends ObjectLiteral = ObjectLiteral>(query: SelectQueryBuilder<T>, limit: number): Promise<{ rows: R[]; total: number }> {
    const rows = await query.comment(`prepare:inbox-${this.constructor.name}`).addSelect('count(*) OVER ()', 'inbox_total').limit(limit).getRawMany<R & { inbox_total: string }>();
    return { rows, total: Number(rows[0]?.inbox_total ?? 0) };
  }

  /** The states the user acts in (none: nothing waits), with the query limited to the organisations whose documents wait for them. */
  protected async awaiting<T extends ObjectLiteral>(user: SessionUser, chain: ReviewChain, query: SelectQueryBuilder<T>, organizationColumn: string): Promise<string[]> {
    const states = statesAwaiting(chain, user.role);
    if (authorOf(chain) === user.role) await this.scope.restrictWritable(user, query, organizationColumn);
    else await this.scope.restrict(user, query, organizationColumn);
    return states;
  }
}
