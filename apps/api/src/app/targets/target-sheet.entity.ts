import { SheetStatus } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';
import { Project } from '../projects/project.entity';
import { SheetVersion } from './sheet-version.entity';

/** The working target sheet of a project; its rows are TargetIndicator. */
@Entity('target_sheets')
@Unique('target_sheets_project_unique', ['projectId'])
@Check('target_sheets_status_check', `status IN ('draft', 'submitted', 'department_approved', 'approved')`)
export class TargetSheet extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'target_sheets_project_id_fkey' })
  project?: Project;

  @Column({ type: 'varchar', length: 30, default: 'draft' })
  status!: SheetStatus;

  /** Bumped by every change; a save or transition names the version it saw (409 when stale). */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** Optional weights of 一级 and 二级: { level1: {产出指标: "50"}, level2: {"产出指标/数量指标": "20"} }. */
  @Column({ type: 'jsonb', default: {} })
  levelWeights!: { level1?: Record<string, string>; level2?: Record<string, string> };

  @Column({ type: 'boolean', default: false })
  isAdjustment!: boolean;

  @Column({ type: 'boolean', default: false })
  notFitForBudget!: boolean;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** The approved version in force, which stays so while an adjustment goes through review. */
  @Column({ type: 'uuid', nullable: true })
  inForceVersionId!: string | null;

  @ManyToOne(() => SheetVersion)
  @JoinColumn({ name: 'in_force_version_id', foreignKeyConstraintName: 'target_sheets_in_force_fkey' })
  inForceVersion?: SheetVersion;

  /** The version at the last return, to show the author what changed since. */
  @Column({ type: 'uuid', nullable: true })
  returnedVersionId!: string | null;

  @ManyToOne(() => SheetVersion)
  @JoinColumn({ name: 'returned_version_id', foreignKeyConstraintName: 'target_sheets_returned_fkey' })
  returnedVersion?: SheetVersion;
}
