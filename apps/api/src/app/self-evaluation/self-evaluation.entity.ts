import { Explanation, Grade, IntegrityFlag, ScoringParameters, SheetStatus } from '@pm/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { moneyColumn } from '../database/decimal.transformer';
import { decimalTransformer } from '../database/decimal.transformer';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { DocumentVersion } from '../review/document-version.entity';
import { ReviewedEntity } from '../review/reviewed.entity';
import { SelfEvaluationRound } from './self-evaluation-round.entity';

export const scoreColumn = { type: 'numeric' as const, precision: 6, scale: 2, nullable: true, transformer: decimalTransformer(2) };

/** A flag a reviewer dismissed, with the reason. */
export interface DismissedFlag {
  code: string;
  reason: string;
  by: string;
  at: string;
}

/** 项目支出绩效自评表 of one project and year; its rows are SelfEvaluationRow. */
@Entity('self_evaluations')
@Unique('self_evaluations_project', ['projectId'])
@Index('self_evaluations_year_unit', ['fiscalYear', 'unitId'])
@Check('self_evaluations_status_check', `status IN ('draft', 'submitted', 'department_approved', 'approved')`)
@Check('self_evaluations_grade_check', `grade IN ('优', '良', '中', '差')`)
export class SelfEvaluation extends ReviewedEntity {
  declare status: SheetStatus;

  /** The round that opened it; null for a past year imported from its published tables. */
  @Column({ type: 'uuid', nullable: true })
  roundId!: string | null;

  @ManyToOne(() => SelfEvaluationRound)
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'self_evaluations_round_id_fkey' })
  round?: SelfEvaluationRound;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @ManyToOne(() => FiscalYear)
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'self_evaluations_fiscal_year_fkey' })
  fiscalYearRecord?: FiscalYear;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'self_evaluations_project_id_fkey' })
  project?: Project;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'self_evaluations_unit_id_fkey' })
  unit?: Organization;

  /** The approved version of the target sheet the rows come from. */
  @Column({ type: 'uuid' })
  sheetVersionId!: string;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'sheet_version_id', foreignKeyConstraintName: 'self_evaluations_sheet_version_fkey' })
  sheetVersion?: DocumentVersion;

  /** 年初预算数: the approved 年度预算总额. */
  @Column(moneyColumn)
  budgetInitial!: string;

  /** 调整 (+ / −): 全年预算数 = 年初预算数 + 调整. */
  @Column({ ...moneyColumn, nullable: true })
  budgetAdjustment!: string | null;

  @Column({ ...moneyColumn, nullable: true })
  budgetExecuted!: string | null;

  /** 年度总体目标 (from the version in force) and its 实际完成情况. */
  @Column({ type: 'text', default: '' })
  goal!: string;

  @Column({ type: 'text', default: '' })
  goalActual!: string;

  /** The profile's scoring parameters these scores were computed with. */
  @Column({ type: 'jsonb' })
  parameters!: ScoringParameters;

  @Column(scoreColumn)
  budgetScore!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  budgetExplanation!: Explanation | null;

  /** The total of the scores in force. */
  @Column(scoreColumn)
  total!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  grade!: Grade | null;

  @Column({ type: 'jsonb', nullable: true })
  gradeExplanation!: Explanation | null;

  /** Integrity flags, computed on every save. */
  @Column({ type: 'jsonb', default: [] })
  flags!: IntegrityFlag[];

  @Column({ type: 'jsonb', default: [] })
  dismissedFlags!: DismissedFlag[];

  /** For a past year imported from its published tables: the published 得分, 总分 and 等级. */
  @Column({ type: 'jsonb', nullable: true })
  published!: { total: string | null; grade: string | null; scores: (string | null)[] } | null;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'in_force_version_id', foreignKeyConstraintName: 'self_evaluations_in_force_fkey' })
  inForceVersion?: DocumentVersion;

  @ManyToOne(() => DocumentVersion)
  @JoinColumn({ name: 'returned_version_id', foreignKeyConstraintName: 'self_evaluations_returned_fkey' })
  returnedVersion?: DocumentVersion;
}
