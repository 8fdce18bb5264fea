import { Colour, Warning } from '@pm/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { decimalTransformer } from '../database/decimal.transformer';
import { MonitoringReport } from './monitoring-report.entity';

/** One indicator of a monitoring report: the approved definition (by its stable id) and what the lead reports. */
@Entity('monitoring_rows')
@Unique('monitoring_rows_report_indicator', ['reportId', 'indicatorId'])
@Check('monitoring_rows_colour_check', `colour IN ('blue', 'green', 'yellow', 'red')`)
export class MonitoringRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MonitoringReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'monitoring_rows_report_id_fkey' })
  report?: MonitoringReport;

  /** The indicator's id in the approved target sheet. */
  @Column({ type: 'uuid' })
  indicatorId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 30 })
  level1!: string;

  @Column({ type: 'varchar', length: 30 })
  level2!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 4, nullable: true })
  comparator!: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  value!: string;

  @Column({ type: 'varchar', length: 30, default: '' })
  unit!: string;

  @Column({ type: 'varchar', length: 4 })
  kind!: string;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: decimalTransformer(2) })
  weight!: string | null;

  /** 佐证资料 the sheet names for this indicator. */
  @Column({ type: 'text', default: '' })
  evidenceRequired!: string;

  /** 截至当前完成值: a decimal for 定量, a phrase for 定性. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  current!: string | null;

  /** 全年预计完成值. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  forecast!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  likelihood!: string | null;

  @Column({ type: 'jsonb', default: [] })
  reasons!: string[];

  @Column({ type: 'text', default: '' })
  reasonNote!: string;

  @Column({ type: 'text', default: '' })
  measures!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  colour!: Colour | null;

  @Column({ type: 'jsonb', nullable: true })
  warning!: Warning | null;
}
