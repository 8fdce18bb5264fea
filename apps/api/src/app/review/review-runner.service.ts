import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { ReviewRequest, SessionUser } from '@pm/api-contract';
import { allowedActions, canWrite, ChainAction, ChainDecision, decide, REVIEW_GRADES, REVIEW_RATINGS, Scope } from '@pm/domain';
import { EntityManager, FindOptionsWhere } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditChange, AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { DocumentVersion, StoredRowComment } from './document-version.entity';
import { ReviewedEntity } from './reviewed.entity';
import { ReviewedKind, ReviewSnapshot } from './reviewed-kind';

type Transition = Exclude<ChainAction, 'save' | 'import'>;

/**
 * The one runner every reviewed document uses: under the document's row lock it checks the version
 * read (409), asks the chain table (libs/domain review-chain) whether this user may do this now,
 * takes the immutable snapshot, applies the state and effects, and writes the audit entry — all in
 * the caller's transaction, so of two simultaneous approvals exactly one wins.
 */
@Injectable()
export class ReviewRunner {
  constructor(
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** What the chain lets this user do with the document now (the screen's buttons). */
  async actionsFor<D extends ReviewedEntity, K>(user: SessionUser, kind: ReviewedKind<D, K>, key: K, document: D | null): Promise<ChainAction[]> {
    const isAuthor = canWrite(await this.scope.of(user), kind.organizationOf(key));
    return allowedActions(kind.chain, { status: document?.status ?? 'draft', role: user.role, isAuthor, submittedIt: !!document?.submittedBy && document.submittedBy === user.id });
  }

  /** The chain's verdict without acting on it (an import's dry run plans with it). */
  async decision<D extends ReviewedEntity, K>(user: SessionUser, kind: ReviewedKind<D, K>, key: K, document: D | null, action: ChainAction, request: ReviewRequest = {}, scope?: Scope): Promise<ChainDecision> {
    const isAuthor = canWrite(scope ?? (await this.scope.of(user)), kind.organizationOf(key));
    return decide(kind.chain, {
      status: document?.status ?? 'draft',
      action,
      role: user.role,
      isAuthor,
      submittedIt: !!document?.submittedBy && document.submittedBy === user.id,
      comment: request.comment,
      grade: request.reviewGrade,
    });
  }

  /**
   * Locks the document for a change of its content (save, import), creating the draft on a first
   * save: 404 when the user cannot see it, 403 / 409 when the chain refuses, 409 when `version` is stale.
   */
  async openForChange<D extends ReviewedEntity, K>(db: EntityManager, user: SessionUser, kind: ReviewedKind<D, K>, key: K, action: 'save' | 'import', version: number): Promise<D> {
    await this.scope.assertReadable(user, kind.organizationOf(key));
    let document = await this.lock(db, kind, key);
    if (!document && kind.createdOnFirstSave) {
      if (version !== 0) throw new ConflictException(kind.missing);
      await db.createQueryBuilder().insert().into(kind.entity).values({ ...kind.find(key), status: 'draft', version: 0, createdBy: user.id, updatedBy: user.id } as never).orIgnore().execute();
      document = await this.lock(db, kind, key);
    }
    if (!document) throw new ConflictException(kind.missing);
    refuseUnless(await this.decision(user, kind, key, document, action));
    if (document.version !== version) throw new ConflictException(kind.stale(document.version, version));
    await kind.check?.(db, document, key, action, null);
    return document;
  }

  /** The document under a row lock for the caller's transaction (so of two writers one waits); null when it does not exist yet. */
  lock<D extends ReviewedEntity, K>(db: EntityManager, kind: ReviewedKind<D, K>, key: K): Promise<D | null> {
    return db.findOne(kind.entity, { where: kind.find(key) as FindOptionsWhere<D>, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Records that the content changed: the next version number, who changed it, the kind's columns
   * and the change's audit entries — one statement (a save is a handful of round trips in all).
   */
  async changed<D extends ReviewedEntity, K>(db: EntityManager, user: SessionUser, kind: ReviewedKind<D, K>, document: D, columns: Partial<D> = {}, audit: AuditChange[] = []): Promise<void> {
    const update = db.createQueryBuilder().update(kind.entity).set({ ...columns, version: document.version + 1, updatedBy: user.id } as never).where({ id: document.id });
    if (audit.length === 0) return void (await update.execute());
    const [sql, params] = update.getQueryAndParameters();
    const entries = this.audit.statement(user, audit, params.length + 1);
    await db.query(`WITH audit AS (${entries.sql}) ${sql}`, [...params, ...entries.params]);
  }

  /** submit / approve / return / adjust / override, with its snapshot, version entry and audit entry. */
  async transition<D extends ReviewedEntity, K>(db: EntityManager, user: SessionUser, kind: ReviewedKind<D, K>, key: K, action: Transition, request: ReviewRequest): Promise<DocumentVersion> {
    const organizationId = kind.organizationOf(key);
    await this.scope.assertReadable(user, organizationId);
    assertRatings(request);
    const document = await this.lock(db, kind, key);
    if (!document) throw new ConflictException(kind.missing);
    if (request.version !== undefined && request.version !== document.version) throw new ConflictException(kind.stale(document.version, request.version));
    const decision = refuseUnless(await this.decision(user, kind, key, document, action, request));
    const snapshot = await kind.snapshot(db, document, key);
    await kind.check?.(db, document, key, action, snapshot);
    const version = await this.record(db, user, kind, document, action, decision.status, request, snapshot);
    const effects = decision.effects;
    await db.update(kind.entity, { id: document.id } as never, {
      status: decision.status,
      version: document.version + 1,
      updatedBy: user.id,
      ...(effects.includes('submitted') ? { submittedBy: user.id, submittedAt: new Date() } : {}),
      ...(effects.includes('returned') ? { returnedVersionId: version.id } : {}),
      ...(effects.includes('inForce') ? { inForceVersionId: version.id, returnedVersionId: null } : {}),
      ...(effects.includes('reopened') ? { submittedBy: null, returnedVersionId: null } : {}),
      ...kind.columns?.(effects, version),
    } as never);
    await this.audit.record(db, user, [
      {
        entity: kind.chain.kind,
        entityId: document.id,
        organizationId,
        action,
        field: 'status',
        oldValue: kind.chain.labels[document.status as D['status']],
        newValue: kind.chain.labels[decision.status as D['status']],
      },
    ]);
    return version;
  }

  /**
   * A document approved outside the system — a closed year's table as published with its final
   * accounts — enters in force as one version (`import`, approved), audited. No chain row applies:
   * nobody here approved it; the importer of published past years is the only caller.
   */
  async recordPublished<D extends ReviewedEntity, K>(db: EntityManager, user: SessionUser, kind: ReviewedKind<D, K>, key: K, document: D, comment: string): Promise<DocumentVersion> {
    const snapshot = await kind.snapshot(db, document, key);
    const version = await this.record(db, user, kind, document, 'import', 'approved', { comment }, snapshot);
    await db.update(kind.entity, { id: document.id } as never, { status: 'approved', inForceVersionId: version.id, updatedBy: user.id } as never);
    await this.audit.record(db, user, [{ entity: kind.chain.kind, entityId: document.id, organizationId: kind.organizationOf(key), action: 'import', field: 'status', oldValue: null, newValue: `${kind.chain.labels['approved' as D['status']]}（${comment}）`.slice(0, 500) }]);
    return version;
  }

  private async record<D extends ReviewedEntity, K>(db: EntityManager, user: SessionUser, kind: ReviewedKind<D, K>, document: D, action: string, statusAfter: string, request: ReviewRequest, snapshot: ReviewSnapshot): Promise<DocumentVersion> {
    const last = await db
      .createQueryBuilder(DocumentVersion, 'v')
      .select('coalesce(max(v.number), 0)', 'last')
      .where('v.document_kind = :kind AND v.document_id = :id', { kind: kind.chain.kind, id: document.id })
      .getRawOne<{ last: number }>();
    return db.save(
      db.create(DocumentVersion, {
        documentKind: kind.chain.kind,
        documentId: document.id,
        number: Number(last?.last ?? 0) + 1,
        action,
        statusAfter,
        actorId: user.id,
        actorRole: user.role,
        comment: request.comment?.trim() || null,
        reviewGrade: request.reviewGrade ?? null,
        ratings: request.ratings ?? null,
        rowComments: anchored(request, snapshot),
        snapshot,
      }),
    );
  }
}

/** The decision when it allows; otherwise the refusal as 403 (not yours), 409 (not now) or 400 (missing comment or grade). */
export function refuseUnless(decision: ChainDecision): Extract<ChainDecision, { ok: true }> {
  if (decision.ok) return decision;
  if (decision.refusal === 'forbidden') throw new ForbiddenException(decision.message);
  if (decision.refusal === 'conflict') throw new ConflictException(decision.message);
  throw badRequest(decision.message);
}

function assertRatings(request: ReviewRequest): void {
  for (const [name, grade] of Object.entries(request.ratings ?? {})) {
    if (!(REVIEW_RATINGS as readonly string[]).includes(name)) throw badRequest(`评审维度“${name}”应为 ${REVIEW_RATINGS.join('、')} 之一`);
    if (!(REVIEW_GRADES as readonly string[]).includes(grade)) throw badRequest('评审维度的结果应为优、良、中、差之一');
  }
}

/** Row comments tied to the indicator they are about (by id, or by the row the reviewer saw). */
function anchored(request: ReviewRequest, snapshot: ReviewSnapshot): StoredRowComment[] | null {
  if (!request.rowComments?.length) return null;
  const rows = snapshot.indicators ?? [];
  return request.rowComments.map((comment, i): StoredRowComment => {
    const message = comment.message.trim();
    if (!message) throw rowError(i, '行意见不能为空');
    if (comment.indicatorId) {
      const at = rows.findIndex((r) => r.id === comment.indicatorId);
      if (at < 0) throw rowError(i, '行意见所指的指标不在本表中，请刷新后重试');
      return { indicatorId: comment.indicatorId, row: at + 1, message };
    }
    if (!comment.row || comment.row > rows.length) throw rowError(i, `行意见所指的第 ${comment.row ?? '?'} 行不存在（本表共 ${rows.length} 行）`);
    return { indicatorId: rows[comment.row - 1].id ?? null, row: comment.row, message };
  });
}

function rowError(index: number, message: string): BadRequestException {
  return badRequest(message, [{ field: `rowComments[${index}]`, message }]);
}
