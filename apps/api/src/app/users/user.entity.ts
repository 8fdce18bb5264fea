import { Role } from '@pm/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { AuditedEntity } from '../database/audited.entity';

@Entity('users')
@Check('users_role_check', `role IN ('admin', 'finance_reviewer', 'department_reviewer', 'project_lead')`)
// unique on lower(username): an expression index, kept in the migration
@Index('users_username', { synchronize: false })
export class User extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique case-insensitively (a unique index on lower(username)). */
  @Column({ type: 'varchar', length: 60 })
  username!: string;

  @Column({ type: 'varchar', length: 60 })
  displayName!: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 30 })
  role!: Role;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'users_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
