import { SettingsProfile } from '@pm/domain';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditedEntity } from '../database/audited.entity';

/** A named parameter profile; `parameters` is a SettingsProfile without its name. */
@Entity('settings_profiles')
@Unique('settings_profiles_name', ['name'])
export class SettingsProfileRecord extends AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'boolean', default: false })
  isDefault!: boolean;

  @Column({ type: 'jsonb' })
  parameters!: Omit<SettingsProfile, 'name'>;
}
