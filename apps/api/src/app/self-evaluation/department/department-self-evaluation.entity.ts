import { DepartmentIndicatorResult, DepartmentSelfEvaluationContent, DepartmentSelfEvaluationStatus } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { moneyColumn } from '../../database/decimal.transformer';
import { FiscalYear } from '../../fiscal-years/fiscal-year.entity';
import { Organization } from '../../organizations/organization.entity';
import { DocumentVersion } from '../../review/document-version.entity';
import { ReviewedEntity } from '../../review/reviewed.entity';

/** 部门整体支出绩效自评表 of a department and year. */
@Entity('department_self_evaluations')
@Unique('department_self_evaluations_department_year', ['departmentId', 'fiscalYear'])
@Check('department_self_evaluations_status_check', `status IN ('draft', 'submitted', 'approved')`)
export class DepartmentSelfEvaluation extends ReviewedEntity {
  declare status: DepartmentSelfEvaluationStatus;

  @Column({ type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'department_self_evaluations_department_id_fkey' })
  department?: Organization;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @ManyToOne(() => FiscalYear)
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'department_self_evaluations_fiscal_year_fkey' })
  fiscalYearRecord?: FiscalYear;

  @Column({ ...moneyColumn, default: 0 })
  basicInitial!: string;

  @Column({ ...moneyColumn, default: 0 })
  basicAdjustment!: string;

  @Column({ ...moneyColumn, nullable: true })
  basicExecuted!: string | null;

  @Column({ ...moneyColumn, default: 0 })
  projectInitial!: string;

  @Column({ ...moneyColumn, default: 0 })
  projectAdjustment!: string;

  @Column({ ...moneyColumn, nullable: true })
  projectExecuted!: string | null;

  /** 部门年度目标 with what was done. */
  @Column({ type: 'jsonb', default: [] })
  duties!: DepartmentSelfEvaluationContent['duties'];

  @Column({ type: 'jsonb', default: [] })
  indicators!: DepartmentIndicatorResult[];

  @Column({ type: 'text', default: '' })
  notes!: string;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'in_force_version_id', foreignKeyConstraintName: 'department_self_evaluations_in_force_fkey' })
  inForceVersion?: DocumentVersion;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'returned_version_id', foreignKeyConstraintName: 'department_self_evaluations_returned_fkey' })
  returnedVersion?: DocumentVersion;
}
