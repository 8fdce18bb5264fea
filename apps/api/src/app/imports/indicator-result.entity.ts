import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';
import { decimalTransformer } from '../database/decimal.transformer';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { TargetIndicator } from '../targets/target-indicator.entity';

/** An indicator's actual result of a past year, imported from a 绩效自评表: the source of 上年完成值. */
@Entity('indicator_results')
@Unique('indicator_results_unit_year_indicator', ['unitId', 'fiscalYear', 'projectName', 'level1', 'name'])
@Check('indicator_results_year_check', `fiscal_year BETWEEN 2000 AND 2100`)
export class IndicatorResult extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'indicator_results_unit_id_fkey' })
  unit?: Organization;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @Column({ type: 'varchar', length: 200 })
  projectName!: string;

  @Column({ type: 'varchar', length: 30 })
  level1!: string;

  @Column({ type: 'varchar', length: 30 })
  level2!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** 实际完成值 as a decimal; null when the table gives a phrase (kept in actualText). */
  @Column({ type: 'numeric', precision: 20, scale: 4, nullable: true, transformer: decimalTransformer(4) })
  actual!: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  actualText!: string;

  /** The project of that year the result belongs to, when it is in the system. */
  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'indicator_results_project_id_fkey' })
  project?: Project;

  /** The indicator of that project's sheet, when it is in the system: the link next year's 上年完成值 follows. */
  @Index('indicator_results_indicator')
  @Column({ type: 'uuid', nullable: true })
  indicatorId!: string | null;

  @ManyToOne(() => TargetIndicator, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'indicator_results_indicator_id_fkey' })
  indicator?: TargetIndicator;
}
