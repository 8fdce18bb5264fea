import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { decimalTransformer } from '../database/decimal.transformer';
import { TargetSheet } from './target-sheet.entity';

const measure = { type: 'numeric' as const, precision: 20, scale: 4, nullable: true, transformer: decimalTransformer(4) };

/** One 三级 row. `value` is what the lead wrote; `valueNumber` its decimal for 定量 rows. */
@Entity('target_indicators')
@Unique('target_indicators_sheet_position', ['sheetId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Check('target_indicators_kind_check', `kind IN ('定量', '定性')`)
export class TargetIndicator {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sheetId!: string;

  @ManyToOne(() => TargetSheet, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sheet_id', foreignKeyConstraintName: 'target_indicators_sheet_id_fkey' })
  sheet?: TargetSheet;

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

  @Column(measure)
  valueNumber!: string | null;

  @Column({ type: 'varchar', length: 30, default: '' })
  unit!: string;

  @Column({ type: 'varchar', length: 4 })
  kind!: string;

  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ type: 'text', default: '' })
  basis!: string;

  @Column(measure)
  lastYearActual!: string | null;

  /** 上年完成值 as written when it is no number in the target's unit (SPEC §11); lastYearActual is then null. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastYearActualText!: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: decimalTransformer(2) })
  weight!: string | null;

  @Column({ type: 'text', default: '' })
  scoringRule!: string;

  @Column({ type: 'text', default: '' })
  evidence!: string;
}
