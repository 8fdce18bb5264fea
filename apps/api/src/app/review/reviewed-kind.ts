import { ChainEffect, ReviewChain } from '@pm/domain';
import { EntityManager } from 'typeorm';
import { DocumentVersion } from './document-version.entity';
import { ReviewedEntity } from './reviewed.entity';

/** A version's snapshot; when it holds indicator rows, row comments are anchored to their ids. */
export interface ReviewSnapshot {
  indicators?: { id?: string; name: string }[];
  [part: string]: unknown;
}

/**
 * How a document kind plugs into the one review chain: its chain table, its table, how to find
 * (and lock) one document by its key, and what a version of it keeps. Everything else — row lock,
 * optimistic version, the chain's decision, snapshot, audit, refusals as 403/409/400 — is the
 * runner's (ReviewRunner).
 */
export interface ReviewedKind<D extends ReviewedEntity, K> {
  chain: ReviewChain<D['status']>;
  entity: new () => D;
  /** The organisation the document belongs to: who authors it, who may see it, where it is audited. */
  organizationOf(key: K): string;
  /** The columns that find the one document of this key (`{ projectId }`); the runner locks and creates by them. */
  find(key: K): Partial<D>;
  /** A first save creates the draft (version 0); kinds whose documents are opened by someone else (monitoring rounds) say false. */
  createdOnFirstSave: boolean;
  /** What a version keeps of the document, taken at every transition. */
  snapshot(db: EntityManager, document: D, key: K): Promise<ReviewSnapshot>;
  /**
   * Refuses a change for the document's own reasons by throwing: blocking checks on submit (400), a
   * closed monitoring round (409). Called for content changes (snapshot null) and transitions.
   */
  check?(db: EntityManager, document: D, key: K, action: string, snapshot: ReviewSnapshot | null): Promise<void>;
  /** The kind's own columns for a transition's effects (the runner sets the common ones). */
  columns?(effects: readonly ChainEffect[], version: DocumentVersion): Partial<D>;
  /** Said when the document does not exist (409) and when the version read is stale (409). */
  missing: string;
  stale(current: number, read: number): string;
}
