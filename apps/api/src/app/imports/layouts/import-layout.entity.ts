import { TableLayout } from '@pm/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditedEntity } from '../../database/audited.entity';
import { Organization } from '../../organizations/organization.entity';
import { User } from '../../users/user.entity';

/** A layout mapped by hand (版式, SPEC §7): found by its header's signature when a table arrives. */
@Entity('import_layouts')
@Unique('import_layouts_name', ['organizationId', 'name'])
export class ImportLayout extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'import_layouts_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** Shared by finance with every organisation. */
  @Column({ type: 'boolean', default: false })
  shared!: boolean;

  /** `layoutSignature` of its header. */
  @Index('import_layouts_signature')
  @Column({ type: 'text' })
  signature!: string;

  /** The header rows, each column's meaning and the rows skipped, as `TableLayout`. */
  @Column({ type: 'jsonb' })
  layout!: TableLayout;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'import_layouts_created_by_fkey' })
  creator?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'import_layouts_updated_by_fkey' })
  updater?: User;
}
