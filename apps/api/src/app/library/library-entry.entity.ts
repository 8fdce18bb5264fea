import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';
import { Organization } from '../organizations/organization.entity';

@Entity('indicator_library')
@Check('indicator_library_kind_check', `kind IN ('定量', '定性')`)
// unique per owner over coalesce(organization_id, nil uuid): an expression index, kept in the migration
@Index('indicator_library_entry', { synchronize: false })
export class LibraryEntry extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** null: 共性 (finance); otherwise the department whose 个性 entry it is. */
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'indicator_library_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 30 })
  level1!: string;

  @Column({ type: 'varchar', length: 30 })
  level2!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 4, nullable: true })
  comparator!: string | null;

  @Column({ type: 'varchar', length: 30, default: '' })
  unit!: string;

  @Column({ type: 'varchar', length: 4 })
  kind!: string;

  @Column({ type: 'text', default: '' })
  content!: string;
}
