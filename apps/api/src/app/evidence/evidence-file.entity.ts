import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';
import { Organization } from '../organizations/organization.entity';

/** 佐证资料: a file attached to a document (a monitoring report, a self-evaluation), or to one of its indicators. */
@Entity('evidence_files')
@Index('evidence_files_document', ['documentKind', 'documentId'])
export class EvidenceFile extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 30 })
  documentKind!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  /** The indicator it proves; null for the document as a whole. */
  @Column({ type: 'uuid', nullable: true })
  indicatorId!: string | null;

  /** The document's organisation, for scoping. */
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'evidence_files_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  /** The type read from the content, not from the name. */
  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** Where the bytes are: `database` (evidence_contents) by default. */
  @Column({ type: 'varchar', length: 20, default: 'database' })
  storage!: string;
}

/** The bytes of an evidence file kept in PostgreSQL. */
@Entity('evidence_contents')
export class EvidenceContent {
  @PrimaryColumn({ type: 'uuid' })
  fileId!: string;

  @OneToOne(() => EvidenceFile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'evidence_contents_file_id_fkey' })
  file?: EvidenceFile;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
