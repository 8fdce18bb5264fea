import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';

/**
 * The columns every document on the review chain has. Each concrete entity declares its own
 * status CHECK and the foreign keys of the two version ids (their names are per table).
 */
export abstract class ReviewedEntity extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 30, default: 'draft' })
  status!: string;

  /** Bumped by every change; a save or transition names the version it saw (409 when stale). */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** The version recorded at the last return, to show the author what changed since. */
  @Column({ type: 'uuid', nullable: true })
  returnedVersionId!: string | null;

  /** The approved version in force (which stays so while an adjustment goes through review). */
  @Column({ type: 'uuid', nullable: true })
  inForceVersionId!: string | null;
}
