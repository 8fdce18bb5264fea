import { MigrationInterface, QueryRunner } from 'typeorm';
import { CORE_2021_PROFILE, DEFAULT_PROFILE } from '@pm/domain';

/** Named parameter profiles (SPEC §8), one chosen per fiscal year; the two known ones are loaded here. */
export class SettingsProfiles1764100000000 implements MigrationInterface {
  name = 'SettingsProfiles1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE settings_profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL CONSTRAINT settings_profiles_name UNIQUE,
        is_default boolean NOT NULL DEFAULT false,
        parameters jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_by uuid NULL
      )`);
    for (const profile of [DEFAULT_PROFILE, CORE_2021_PROFILE]) {
      const { name, ...parameters } = profile;
      await db.query(`INSERT INTO settings_profiles (name, is_default, parameters) VALUES ($1, $2, $3)`, [name, profile === DEFAULT_PROFILE, JSON.stringify(parameters)]);
    }
    await db.query(`ALTER TABLE fiscal_years ADD COLUMN profile_id uuid NULL CONSTRAINT fiscal_years_profile_id_fkey REFERENCES settings_profiles (id)`);
    await db.query(`UPDATE fiscal_years SET profile_id = (SELECT id FROM settings_profiles WHERE is_default)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fiscal_years DROP COLUMN profile_id`);
    await db.query(`DROP TABLE settings_profiles`);
  }
}
