import { Colour, SheetStatus, Warning } from '@pm/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { moneyColumn } from '../database/decimal.transformer';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { DocumentVersion } from '../review/document-version.entity';
import { ReviewedEntity } from '../review/reviewed.entity';
import { MonitoringRound } from './monitoring-round.entity';

/** 项目支出绩效目标执行监控表 of one project at one round; its rows are MonitoringRow. */
@Entity('monitoring_reports')
@Unique('monitoring_reports_round_project', ['roundId', 'projectId'])
@Index('monitoring_reports_project', ['projectId'])
@Index('monitoring_reports_round_unit', ['roundId', 'unitId'])
@Check('monitoring_reports_status_check', `status IN ('draft', 'submitted', 'department_approved', 'approved')`)
@Check('monitoring_reports_colour_check', `colour IN ('blue', 'green', 'yellow', 'red')`)
export class MonitoringReport extends ReviewedEntity {
  declare status: SheetStatus;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => MonitoringRound)
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'monitoring_reports_round_id_fkey' })
  round?: MonitoringRound;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'monitoring_reports_project_id_fkey' })
  project?: Project;

  /** The project's unit, kept for scoping every list by one column. */
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'monitoring_reports_unit_id_fkey' })
  unit?: Organization;

  /** The approved version of the target sheet in force when the round opened: where the rows and their ids come from. */
  @Column({ type: 'uuid' })
  sheetVersionId!: string;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'sheet_version_id', foreignKeyConstraintName: 'monitoring_reports_sheet_version_fkey' })
  sheetVersion?: DocumentVersion;

  /** 全年预算数: the approved 年度预算总额. */
  @Column(moneyColumn)
  budgetAnnual!: string;

  @Column({ ...moneyColumn, nullable: true })
  budgetExecuted!: string | null;

  @Column({ ...moneyColumn, nullable: true })
  budgetForecast!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  budgetWarning!: Warning | null;

  /** 总体目标完成情况. */
  @Column({ type: 'text', default: '' })
  goalProgress!: string;

  /** The worst colour of the report; null until filed. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  colour!: Colour | null;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'in_force_version_id', foreignKeyConstraintName: 'monitoring_reports_in_force_fkey' })
  inForceVersion?: DocumentVersion;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'returned_version_id', foreignKeyConstraintName: 'monitoring_reports_returned_fkey' })
  returnedVersion?: DocumentVersion;
}
