import pg from 'pg';

export default async function globalTeardown() {
  const db = globalThis.__E2E_DB__;
  if (!db) return;
  if (db.kind === 'embedded') {
    await db.stop();
    return;
  }
  const admin = new pg.Client({ connectionString: db.server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
  await admin.end();
}
