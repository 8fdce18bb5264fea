import { ProjectLevel } from '@pm/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { Organization } from '../organizations/organization.entity';
import { AuditedEntity } from '../database/audited.entity';
import { moneyColumn } from '../database/decimal.transformer';

@Entity('projects')
@Check('projects_funds_add_up', `funds_total = funds_current_year_appropriation + funds_carry_over + funds_other`)
@Index('projects_unit_year_name', ['fiscalYear', 'unitId', 'name'], { unique: true })
@Index('projects_unit_year_code', ['fiscalYear', 'unitId', 'code'], { unique: true, where: 'code IS NOT NULL' })
export class Project extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @ManyToOne(() => FiscalYear)
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'projects_fiscal_year_fkey' })
  fiscalYearRecord?: FiscalYear;

  /** The 预算单位 that implements the project. */
  @Index('projects_unit')
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'projects_unit_id_fkey' })
  unit?: Organization;

  /** 项目编码; not every published table gives one. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  code!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  category!: string | null;

  @Column({ type: 'varchar', length: 10, default: '本级' })
  level!: ProjectLevel;

  @Column({ type: 'varchar', length: 60, nullable: true })
  leadName!: string | null;

  /** 项目年度绩效目标 / 年度总体目标. */
  @Column({ type: 'text', default: '' })
  overallGoal!: string;

  /** 年度预算总额 = 当年财政拨款 + 上年结转 + 其他资金, yuan. */
  @Column({ ...moneyColumn, default: 0 })
  fundsTotal!: string;

  @Column({ ...moneyColumn, default: 0 })
  fundsCurrentYearAppropriation!: string;

  @Column({ ...moneyColumn, default: 0 })
  fundsCarryOver!: string;

  @Column({ ...moneyColumn, default: 0 })
  fundsOther!: string;

  /** 中期规划: years N, N+1, N+2. */
  @Column({ ...moneyColumn, nullable: true })
  midTermYear1!: string | null;

  @Column({ ...moneyColumn, nullable: true })
  midTermYear2!: string | null;

  @Column({ ...moneyColumn, nullable: true })
  midTermYear3!: string | null;
}
