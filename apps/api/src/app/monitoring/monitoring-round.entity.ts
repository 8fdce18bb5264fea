import { SettingsProfile } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';

/** The parameters a round keeps from the profile in force when it opened: a later profile change never rewrites its colours. */
export type RoundParameters = Pick<SettingsProfile, 'warningRules' | 'deviationCategories'>;

/** 监控批次: one cut-off of a fiscal year, opened by finance for all departments or chosen ones. */
@Entity('monitoring_rounds')
@Unique('monitoring_rounds_year_cutoff', ['fiscalYear', 'cutoffDate'])
@Check('monitoring_rounds_month_check', `cutoff_month BETWEEN 1 AND 12`)
@Check('monitoring_rounds_status_check', `status IN ('open', 'closed')`)
export class MonitoringRound extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @ManyToOne(() => FiscalYear)
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'monitoring_rounds_fiscal_year_fkey' })
  fiscalYearRecord?: FiscalYear;

  /** 截至日期, e.g. 2026-07-31. */
  @Column({ type: 'date' })
  cutoffDate!: string;

  /** m of the time progress m/12. */
  @Column({ type: 'int' })
  cutoffMonth!: number;

  /** 填报截止日期. */
  @Column({ type: 'date' })
  deadline!: string;

  /** The departments whose units report; null for all. */
  @Column({ type: 'uuid', array: true, nullable: true })
  departmentIds!: string[] | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status!: 'open' | 'closed';

  @Column({ type: 'jsonb' })
  parameters!: RoundParameters;

  @Column({ type: 'varchar', length: 100 })
  profileName!: string;
}
