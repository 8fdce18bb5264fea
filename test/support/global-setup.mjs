// Gives the end-to-end tests a throwaway database: a fresh embedded PostgreSQL in a temp dir,
// or, when DATABASE_URL is set, a new database on that server (dropped afterwards).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/embedded-db.mjs';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    const server = new URL(process.env.DATABASE_URL);
    const name = `pm_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server.toString());
    url.pathname = `/${name}`;
    process.env.TEST_DATABASE_URL = url.toString();
    globalThis.__E2E_DB__ = { kind: 'server', server: server.toString(), name };
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
  chmodSync(root, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), persistent: false });
  process.env.TEST_DATABASE_URL = db.url;
  globalThis.__E2E_DB__ = { kind: 'embedded', stop: db.stop };
}
