import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InboxItem, InboxResponse, SessionUser } from '@pm/api-contract';
import { authorOf, ReviewChain, statesAwaiting } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';

/**
 * One kind of document's share of the 待办: the query of what waits for this user (each row with
 * its `since`), or null when nothing of this kind can; and the item one of its rows makes.
 */
export interface InboxSource {
  readonly kind: InboxItem['kind'];
  waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null>;
  item(row: object): InboxItem;
}

/** A placeholder's number moved past the branches before it (TypeORM numbers each query from $1). */
function shifted(sql: string, by: number): string {
  return by === 0 ? sql : sql.replace(/\$(\d+)\b/g, (_, n: string) => `$${Number(n) + by}`);
}

/**
 * 待办: what waits for this user's action, in their scope, oldest first. Each document kind
 * registers the source that knows its own table (and asks its chain which states await whom);
 * the inbox pages all of them in one statement: their rows as one list, ordered, counted and cut
 * to the page by PostgreSQL, so a lead with thousands waiting is sent one page.
 */
@Injectable()
export class InboxService {
  private readonly sources: InboxSource[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  register(source: InboxSource): void {
    this.sources.push(source);
  }

  async of(user: SessionUser, page = 1, pageSize = 50): Promise<InboxResponse> {
    const queries = await Promise.all(this.sources.map(async (source) => ({ source, query: await source.waitingQuery(user) })));
    const parts = queries.filter((q): q is { source: InboxSource; query: SelectQueryBuilder<ObjectLiteral> } => q.query !== null);
    if (parts.length === 0) return { items: [], total: 0 };
    // ties of `since` (rows written in one transaction) are broken by the row itself, so pages never overlap
    const parameters: unknown[] = [];
    const branches = parts.map(({ source, query }) => {
      const [sql, own] = query.getQueryAndParameters();
      const branch = `SELECT '${source.kind}'::text AS kind, w.since, to_jsonb(w) AS row FROM (${shifted(sql, parameters.length)}) w`;
      parameters.push(...own);
      return branch;
    });
    parameters.push(pageSize, (page - 1) * pageSize);
    const rows: { kind: InboxItem['kind']; row: object; total: string }[] = await this.dataSource.query(
      `/* prepare:inbox */ SELECT kind, row, count(*) OVER () AS total FROM (${branches.join(' UNION ALL ')}) waiting
        ORDER BY since, kind, row LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
      parameters,
    );
    const byKind = new Map(parts.map(({ source }) => [source.kind, source]));
    const items = rows.map((r) => (byKind.get(r.kind) as InboxSource).item(r.row));
    if (rows.length > 0 || page === 1) return { items, total: Number(rows[0]?.total ?? 0) };
    // a page past the end still says how many there are
    return { items, total: (await this.of(user, 1, 1)).total };
  }
}

/**
 * A document kind's 待办 source: registers itself with the inbox and limits its query to what the
 * chain says waits for the user — an author's own organisations, a reviewer's scope.
 */
export abstract class ChainInboxSource<R extends object> implements InboxSource, OnModuleInit {
  abstract readonly kind: InboxItem['kind'];

  constructor(
    protected readonly scope: ScopeService,
    private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this);
  }

  abstract waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null>;

  /** The item of one row of `waitingQuery` (as JSON: times are ISO strings). */
  abstract item(row: R): InboxItem;

  /** The states the user acts in (none: nothing waits), with the query limited to the organisations whose documents wait for them. */
  protected async awaiting<T extends ObjectLiteral>(user: SessionUser, chain: ReviewChain, query: SelectQueryBuilder<T>, organizationColumn: string): Promise<string[]> {
    const states = statesAwaiting(chain, user.role);
    if (authorOf(chain) === user.role) await this.scope.restrictWritable(user, query, organizationColumn);
    else await this.scope.restrict(user, query, organizationColumn);
    return states;
  }
}
