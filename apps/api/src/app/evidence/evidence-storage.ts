import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvidenceContent } from './evidence-file.entity';

/** Where the bytes of evidence files live. PostgreSQL by default; object storage can take its place. */
export interface EvidenceStorage {
  readonly name: string;
  put(db: EntityManager, fileId: string, content: Buffer): Promise<void>;
  get(db: EntityManager, fileId: string): Promise<Buffer | null>;
  /** Called inside the transaction that deletes the file's record. */
  remove(db: EntityManager, fileId: string): Promise<void>;
}

export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');

/** Evidence bytes in the `evidence_contents` table, written in the same transaction as their record. */
@Injectable()
export class DatabaseEvidenceStorage implements EvidenceStorage {
  readonly name = 'database';

  async put(db: EntityManager, fileId: string, content: Buffer): Promise<void> {
    await db.insert(EvidenceContent, { fileId, content });
  }

  async get(db: EntityManager, fileId: string): Promise<Buffer | null> {
    return (await db.findOneBy(EvidenceContent, { fileId }))?.content ?? null;
  }

  async remove(db: EntityManager, fileId: string): Promise<void> {
    await db.delete(EvidenceContent, { fileId });
  }
}
