import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';

/** The year-end self-evaluation of a fiscal year, opened by finance with its deadline. */
@Entity('self_evaluation_rounds')
@Unique('self_evaluation_rounds_year', ['fiscalYear'])
export class SelfEvaluationRound extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @ManyToOne(() => FiscalYear)
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'self_evaluation_rounds_fiscal_year_fkey' })
  fiscalYearRecord?: FiscalYear;

  @Column({ type: 'date' })
  deadline!: string;
}
