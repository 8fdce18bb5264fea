import { BudgetCutStatus } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { moneyColumn } from '../database/decimal.transformer';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { DocumentVersion } from '../review/document-version.entity';
import { ReviewedEntity } from '../review/reviewed.entity';
import { MonitoringReport } from './monitoring-report.entity';

/** 调减预算申请 raised from a red monitoring report, decided by finance. */
@Entity('budget_cuts')
@Unique('budget_cuts_report', ['reportId'])
@Check('budget_cuts_status_check', `status IN ('draft', 'submitted', 'approved')`)
@Check('budget_cuts_amount_check', `amount > 0`)
export class BudgetCut extends ReviewedEntity {
  declare status: BudgetCutStatus;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MonitoringReport)
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'budget_cuts_report_id_fkey' })
  report?: MonitoringReport;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'budget_cuts_project_id_fkey' })
  project?: Project;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'budget_cuts_unit_id_fkey' })
  unit?: Organization;

  /** 拟调减金额（元）. */
  @Column(moneyColumn)
  amount!: string;

  @Column({ type: 'text' })
  reason!: string;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'in_force_version_id', foreignKeyConstraintName: 'budget_cuts_in_force_fkey' })
  inForceVersion?: DocumentVersion;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'returned_version_id', foreignKeyConstraintName: 'budget_cuts_returned_fkey' })
  returnedVersion?: DocumentVersion;
}
