import { MigrationInterface, QueryRunner } from 'typeorm';

const WATCHED = ['organizations', 'users', 'settings_profiles', 'fiscal_years'];

/**
 * Every committed change of the tables API processes keep in memory is announced on the
 * `pm_changes` channel with the table's name (NOTIFY is delivered at commit, once per transaction
 * and table). New sessions are not announced: only what ends or changes one matters to a cache.
 */
export class ChangeNotifications1765000000000 implements MigrationInterface {
  name = 'ChangeNotifications1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION pm_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pm_changes', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of WATCHED) {
      await db.query(`CREATE TRIGGER ${table}_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION pm_announce_change()`);
    }
    await db.query(`CREATE TRIGGER sessions_announce AFTER UPDATE OR DELETE OR TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION pm_announce_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...WATCHED, 'sessions']) await db.query(`DROP TRIGGER ${table}_announce ON ${table}`);
    await db.query('DROP FUNCTION pm_announce_change()');
  }
}
