import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can be ended (logout, password reset, a disabled account) and sign-in failures kept
 * where every API process sees them and a restart does not forget them.
 */
export class Sessions1764900000000 implements MigrationInterface {
  name = 'Sessions1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT sessions_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        address varchar(64) NOT NULL DEFAULT '',
        user_agent varchar(200) NOT NULL DEFAULT ''
      )`);
    await db.query('CREATE INDEX sessions_user ON sessions (user_id)');
    await db.query(`
      CREATE TABLE login_failures (
        key varchar(300) PRIMARY KEY,
        count int NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE login_failures');
    await db.query('DROP TABLE sessions');
  }
}
