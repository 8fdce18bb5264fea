import { DepartmentTargetStatus, IndicatorRow } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { DocumentVersion } from '../review/document-version.entity';
import { ReviewedEntity } from '../review/reviewed.entity';
import { moneyColumn } from '../database/decimal.transformer';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { Organization } from '../organizations/organization.entity';

/** 部门整体绩效目标 of a department for a fiscal year. */
@Entity('department_targets')
@Unique('department_targets_department_year', ['departmentId', 'fiscalYear'])
@Check('department_targets_status_check', `status IN ('draft', 'submitted', 'approved')`)
export class DepartmentTarget extends ReviewedEntity {
  @Column({ type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'department_targets_department_id_fkey' })
  department?: Organization;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @ManyToOne(() => FiscalYear)
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'department_targets_fiscal_year_fkey' })
  fiscalYearRecord?: FiscalYear;

  declare status: DepartmentTargetStatus;

  /** 年度履职目标, numbered in order. */
  @Column({ type: 'jsonb', default: [] })
  duties!: string[];

  /** 年度主要任务. */
  @Column({ type: 'jsonb', default: [] })
  tasks!: { name: string; content: string }[];

  @Column({ ...moneyColumn, default: 0 })
  budgetTotal!: string;

  @Column({ ...moneyColumn, default: 0 })
  budgetBasic!: string;

  @Column({ ...moneyColumn, default: 0 })
  budgetProject!: string;

  @Column({ ...moneyColumn, default: 0 })
  budgetAppropriation!: string;

  @Column({ ...moneyColumn, default: 0 })
  budgetCarryOver!: string;

  @Column({ ...moneyColumn, default: 0 })
  budgetOther!: string;

  /** The department's indicator rows (department dictionary, no weights), each with its stable id. */
  @Column({ type: 'jsonb', default: [] })
  indicators!: (IndicatorRow & { id: string })[];

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'in_force_version_id', foreignKeyConstraintName: 'department_targets_in_force_fkey' })
  inForceVersion?: DocumentVersion;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'returned_version_id', foreignKeyConstraintName: 'department_targets_returned_fkey' })
  returnedVersion?: DocumentVersion;
}
