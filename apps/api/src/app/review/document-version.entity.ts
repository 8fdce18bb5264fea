import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';

/** A row comment of a review, anchored to the indicator it is about. */
export interface StoredRowComment {
  indicatorId: string | null;
  /** The row the reviewer saw it on (kept for history written before ids). */
  row?: number;
  message: string;
}

/**
 * The one version history of every reviewed document: an immutable snapshot taken at each
 * transition (the table refuses updates and deletes).
 */
@Entity('document_versions')
@Unique('document_versions_number', ['documentKind', 'documentId', 'number'])
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The chain's kind: target_sheet, department_target, … */
  @Column({ type: 'varchar', length: 30 })
  documentKind!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ type: 'varchar', length: 30 })
  statusAfter!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'document_versions_actor_id_fkey' })
  actor?: User;

  @Column({ type: 'varchar', length: 30 })
  actorRole!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  reviewGrade!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  ratings!: Record<string, string> | null;

  @Column({ type: 'jsonb', nullable: true })
  rowComments!: StoredRowComment[] | null;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;
}
