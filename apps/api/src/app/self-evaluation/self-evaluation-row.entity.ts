import { Explanation } from '@pm/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';
import { scoreColumn, SelfEvaluation } from './self-evaluation.entity';

/** One indicator of a self-evaluation: the approved definition (by its stable id), the actual, the score computed and any override. */
@Entity('self_evaluation_rows')
@Unique('self_evaluation_rows_evaluation_indicator', ['evaluationId', 'indicatorId'])
export class SelfEvaluationRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => SelfEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'self_evaluation_rows_evaluation_id_fkey' })
  evaluation?: SelfEvaluation;

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

  @Column(scoreColumn)
  weight!: string | null;

  @Column({ type: 'text', default: '' })
  scoringRule!: string;

  @Column({ type: 'text', default: '' })
  evidenceRequired!: string;

  /** 全年预计完成值 of the project's latest monitoring report, shown beside the actual. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  forecast!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  actual!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  tier!: string | null;

  @Column(scoreColumn)
  tierScore!: string | null;

  @Column({ type: 'boolean', default: true })
  applicable!: boolean;

  /** 偏差原因分析及改进措施. */
  @Column({ type: 'text', default: '' })
  deviationNote!: string;

  @Column(scoreColumn)
  computedScore!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  explanation!: Explanation | null;

  @Column({ type: 'boolean', default: false })
  needsDeviationNote!: boolean;

  @Column(scoreColumn)
  overrideScore!: string | null;

  @Column({ type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  overrideBy!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'override_by', foreignKeyConstraintName: 'self_evaluation_rows_override_by_fkey' })
  overrider?: User;

  @Column({ type: 'timestamptz', nullable: true })
  overrideAt!: Date | null;
}
