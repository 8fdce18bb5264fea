import { SheetStatus } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Project } from '../projects/project.entity';
import { DocumentVersion } from '../review/document-version.entity';
import { ReviewedEntity } from '../review/reviewed.entity';

/** The working target sheet of a project; its rows are TargetIndicator. */
@Entity('target_sheets')
@Unique('target_sheets_project_unique', ['projectId'])
@Check('target_sheets_status_check', `status IN ('draft', 'submitted', 'department_approved', 'approved')`)
export class TargetSheet extends ReviewedEntity {
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'target_sheets_project_id_fkey' })
  project?: Project;

  declare status: SheetStatus;

  /** Optional weights of 一级 and 二级: { level1: {产出指标: "50"}, level2: {"产出指标/数量指标": "20"} }. */
  @Column({ type: 'jsonb', default: {} })
  levelWeights!: { level1?: Record<string, string>; level2?: Record<string, string> };

  @Column({ type: 'boolean', default: false })
  isAdjustment!: boolean;

  @Column({ type: 'boolean', default: false })
  notFitForBudget!: boolean;

  /** An adjustment started from a red monitoring report: the report and the red rows it is about. */
  @Column({ type: 'jsonb', nullable: true })
  adjustmentSource!: { reportId: string; cutoffDate: string; indicatorIds: string[] } | null;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'in_force_version_id', foreignKeyConstraintName: 'target_sheets_in_force_fkey' })
  inForceVersion?: DocumentVersion;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'returned_version_id', foreignKeyConstraintName: 'target_sheets_returned_fkey' })
  returnedVersion?: DocumentVersion;
}
