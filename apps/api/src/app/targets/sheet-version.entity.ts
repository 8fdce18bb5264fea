import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';
import { TargetSheet } from './target-sheet.entity';
import type { SheetSnapshot } from './sheet-snapshot';

/** An immutable snapshot taken at every transition (the table refuses updates and deletes). */
@Entity('sheet_versions')
@Unique('sheet_versions_number', ['sheetId', 'number'])
export class SheetVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sheetId!: string;

  @ManyToOne(() => TargetSheet)
  @JoinColumn({ name: 'sheet_id', foreignKeyConstraintName: 'sheet_versions_sheet_id_fkey' })
  sheet?: TargetSheet;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ type: 'varchar', length: 30 })
  statusAfter!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'sheet_versions_actor_id_fkey' })
  actor?: User;

  @Column({ type: 'varchar', length: 30 })
  actorRole!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  reviewGrade!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  ratings!: Record<string, string> | null;

  @Column({ type: 'jsonb', nullable: true })
  rowComments!: { row: number; message: string }[] | null;

  @Column({ type: 'jsonb' })
  snapshot!: SheetSnapshot;
}
