import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';
import { decimalTransformer } from '../database/decimal.transformer';
import { Organization } from '../organizations/organization.entity';

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
}
