import { OrganizationKind } from '@pm/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';

@Entity('organizations')
@Check('organizations_kind_check', `kind IN ('finance', 'department', 'unit')`)
// unique name per parent, over coalesce(parent_id, nil uuid): an expression index, kept in the migration
@Index('organizations_parent_name', { synchronize: false })
export class Organization extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrganizationKind;

  @Index('organizations_parent')
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Organization, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'organizations_parent_id_fkey' })
  parent?: Organization | null;

  /** 单位编码 as the budget system knows it, when known. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  code!: string | null;
}
