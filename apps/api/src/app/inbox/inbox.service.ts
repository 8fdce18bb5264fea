import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BatchApprovalRequest, BatchApprovalResponse, BatchApprovalResult, InboxItem, InboxResponse, ReviewRequest, SessionUser } from '@pm/api-contract';
import { Action, authorOf, chinaDate, hasPermission, isOverdue, ReviewChain, statesAwaiting } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { clerkBody } from '../common/api-exception.filter';

/** An item as its source makes it; the inbox says whether it is overdue. */
export type Waiting<T extends InboxItem = InboxItem> = T extends unknown ? Omit<T, 'overdue'> : never;

/**
 * One kind of document's share of the 待办: the query of what waits for this user, or null when
 * nothing of this kind can; and the item one of its rows makes. Each row has its `since`, and
 * `inbox_key` (a uuid of the row's own table, so it is found by index) with `fiscal_year` names it.
 */
export interface InboxSource {
  readonly kind: InboxItem['kind'];
  waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null>;
  item(row: object): Waiting;
  /** For 批量审核: the permission its approval needs, and the approval of one document by its id (taking what of the request its kind takes), answering the state it moved to. */
  readonly approval?: { permission: Action; approve(user: SessionUser, id: string, request: ReviewRequest): Promise<string> };
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

  /**
   * 批量审核: each document approved on its own, as its single approval would be (own transaction,
   * snapshot, audit entry); one refused does not stop the others and says why.
   */
  async approveAll(user: SessionUser, request: BatchApprovalRequest): Promise<BatchApprovalResponse> {
    const results: BatchApprovalResult[] = [];
    for (const { kind, id } of request.items) {
      const approval = this.sources.find((s) => s.kind === kind)?.approval;
      if (!approval || !hasPermission(user.role, approval.permission)) {
        results.push({ kind, id, ok: false, status: null, message: '您没有审核此类事项的权限' });
        continue;
      }
      try {
        results.push({ kind, id, ok: true, status: await approval.approve(user, id, { comment: request.comment, reviewGrade: request.reviewGrade, ratings: request.ratings }), message: null });
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        results.push({ kind, id, ok: false, status: null, message: clerkBody(error, error.getStatus()).message });
      }
    }
    const approved = results.filter((r) => r.ok).length;
    return { approved, refused: results.length - approved, results };
  }

  async of(user: SessionUser, page = 1, pageSize = 50): Promise<InboxResponse> {
    const queries = await Promise.all(this.sources.map(async (source) => ({ source, query: await source.waitingQuery(user) })));
    const parts = queries.filter((q): q is { source: InboxSource; query: SelectQueryBuilder<ObjectLiteral> } => q.query !== null);
    if (parts.length === 0) return { items: [], total: 0 };
    // first the page's keys, found on narrow rows (PostgreSQL leaves out the columns not asked for); then
    // only those rows, each looked up by its key, become JSON. Ties of `since` go by kind and key.
    const parameters: unknown[] = [];
    const keys: string[] = [];
    const details: string[] = [];
    for (const { source, query } of parts) {
      const [sql, own] = query.getQueryAndParameters();
      const branch = shifted(sql, parameters.length);
      parameters.push(...own);
      keys.push(`SELECT '${source.kind}'::text AS kind, s.since, s.inbox_key AS key, s.fiscal_year AS year FROM (${branch}) s`);
      details.push(`SELECT to_jsonb(s) AS row FROM (${branch}) s WHERE page.kind = '${source.kind}' AND s.inbox_key = page.key AND s.fiscal_year = page.year`);
    }
    parameters.push(pageSize, (page - 1) * pageSize);
    const rows: { kind: InboxItem['kind']; row: object; total: string }[] = await this.dataSource.query(
      `/* prepare:inbox */ WITH page AS (
         SELECT kind, since, key, year, count(*) OVER () AS total FROM (${keys.join(' UNION ALL ')}) waiting
          ORDER BY since, kind, key, year LIMIT $${parameters.length - 1} OFFSET $${parameters.length})
       SELECT page.kind, page.total, detail.row FROM page CROSS JOIN LATERAL (${details.join(' UNION ALL ')}) detail
        ORDER BY page.since, page.kind, page.key, page.year`,
      parameters,
    );
    const byKind = new Map(parts.map(({ source }) => [source.kind, source]));
    const today = chinaDate();
    const items = rows.map((r) => {
      const item = (byKind.get(r.kind) as InboxSource).item(r.row);
      return { ...item, overdue: isOverdue(item.deadline, today) } as InboxItem;
    });
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
  abstract item(row: R): Waiting;

  /** The states the user acts in (none: nothing waits), with the query limited to the organisations whose documents wait for them. */
  protected async awaiting<T extends ObjectLiteral>(user: SessionUser, chain: ReviewChain, query: SelectQueryBuilder<T>, organizationColumn: string): Promise<string[]> {
    const states = statesAwaiting(chain, user.role);
    if (authorOf(chain) === user.role) await this.scope.restrictWritable(user, query, organizationColumn);
    else await this.scope.restrict(user, query, organizationColumn);
    return states;
  }
}
