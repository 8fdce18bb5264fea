import { FiscalYearStatus } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SettingsProfileRecord } from '../settings/settings-profile.entity';
import { AuditedEntity } from '../database/audited.entity';

@Entity('fiscal_years')
@Check('fiscal_years_year_check', `year BETWEEN 2000 AND 2100`)
@Check('fiscal_years_status_check', `status IN ('open', 'closed')`)
export class FiscalYear extends AuditedEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status!: FiscalYearStatus;

  /** 绩效目标申报截止日期 (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  targetDeadline!: string | null;

  /** The settings profile whose rules apply to this year. */
  @Column({ type: 'uuid', nullable: true })
  profileId!: string | null;

  @ManyToOne(() => SettingsProfileRecord)
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fiscal_years_profile_id_fkey' })
  profile?: SettingsProfileRecord;
}
