import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';
import { DepartmentTarget } from './department-target.entity';

/** Immutable snapshot at each transition (the table refuses updates and deletes). */
@Entity('department_target_versions')
@Unique('department_target_versions_number', ['targetId', 'number'])
export class DepartmentTargetVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  targetId!: string;

  @ManyToOne(() => DepartmentTarget)
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'department_target_versions_target_id_fkey' })
  target?: DepartmentTarget;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ type: 'varchar', length: 20 })
  statusAfter!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'department_target_versions_actor_id_fkey' })
  actor?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;
}
