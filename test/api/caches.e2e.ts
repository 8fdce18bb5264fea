import { Client as PgClient } from 'pg';
import { Client, DEMO_PASSWORD } from '../support/http';
import { RunningApp, startApp, testDatabaseUrl } from '../support/app';

/** Asks until `check` holds, for at most two seconds: an announcement from PostgreSQL is asynchronous. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * What an API process keeps in memory (open sessions, the organisation tree, a year's settings)
 * follows PostgreSQL: a change made through another process, or straight in the database, is seen
 * at once; while the process cannot hear PostgreSQL's announcements it trusts nothing it holds.
 */
describe('caches follow PostgreSQL', () => {
  let first: RunningApp;
  let second: RunningApp;
  let db: PgClient;
  /** The listening connections of this suite's two processes (others may be alive on the test database). */
  let ours: () => Promise<number[]>;

  beforeAll(async () => {
    db = new PgClient({ connectionString: testDatabaseUrl() });
    await db.connect();
    const feeds = async () => (await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'pm-change-feed' AND datname = current_database()`)).rows.map((r: { pid: number }) => r.pid);
    const others = new Set(await feeds());
    [first, second] = await Promise.all([startApp(), startApp()]);
    ours = async () => (await feeds()).filter((pid) => !others.has(pid));
  });
  afterAll(async () => {
    await db?.end();
    await Promise.all([first?.close(), second?.close()]);
  });

  it('ends a disabled account on the other process at once, and one disabled in the database too', async () => {
    const admin = await new Client(first.url).as('admin');
    const units = (await admin.get('/api/organizations')).body as { id: string; kind: string }[];
    const unitId = units.find((o) => o.kind === 'unit')?.id;
    for (const username of ['cache.lead1', 'cache.lead2']) {
      expect((await admin.post('/api/users', { username, password: DEMO_PASSWORD, displayName: '缓存测试', role: 'project_lead', organizationId: unitId })).status).toBe(201);
    }
    const one = await new Client(second.url).as('cache.lead1');
    const two = await new Client(second.url).as('cache.lead2');
    expect((await one.get('/api/me')).status).toBe(200);
    expect((await two.get('/api/me')).status).toBe(200);

    const id = (await one.get('/api/me')).body.id;
    expect((await admin.request('PATCH', `/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await one.get('/api/me')).status).toBe(401);

    await db.query(`UPDATE users SET disabled = true WHERE username = 'cache.lead2'`);
    expect(await eventually(async () => (await two.get('/api/me')).status === 401)).toBe(true);
  });

  it('gives a reviewer the unit moved into their department in the database, and takes it away again', async () => {
    const reviewer = await new Client(second.url).as('xfj.reviewer');
    const department = (await reviewer.get('/api/me')).body.organizationId;
    const [unit] = (await db.query(`SELECT u.id, u.parent_id FROM organizations u JOIN organizations d ON d.id = u.parent_id WHERE u.kind = 'unit' AND d.id <> $1 AND EXISTS (SELECT 1 FROM projects p WHERE p.unit_id = u.id) LIMIT 1`, [department])).rows;
    const sees = async () => ((await reviewer.get(`/api/projects?unitId=${unit.id}`)).body.total as number) > 0;
    expect(await sees()).toBe(false);
    await db.query('UPDATE organizations SET parent_id = $1 WHERE id = $2', [department, unit.id]);
    try {
      expect(await eventually(sees)).toBe(true);
    } finally {
      await db.query('UPDATE organizations SET parent_id = $1 WHERE id = $2', [unit.parent_id, unit.id]);
    }
    expect(await eventually(async () => !(await sees()))).toBe(true);
  });

  it('trusts nothing it holds while it cannot hear PostgreSQL, and listens again when it can', async () => {
    const lead = await new Client(second.url).as('zfb.lead');
    expect((await lead.get('/api/me')).status).toBe(200);
    const before = await ours();
    expect(before).toHaveLength(2);
    await db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    await new Promise((r) => setTimeout(r, 200)); // the processes notice the lost connection; they try again after a second
    // a session revoked while no process listens is still refused at once: nothing is served from memory
    expect((await lead.get('/api/me')).status).toBe(200);
    const sid = JSON.parse(Buffer.from(String(lead.token).split('.')[1], 'base64url').toString()).sid;
    await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [sid]);
    expect((await lead.get('/api/me')).status).toBe(401);
    expect(await eventually(async () => (await ours()).filter((pid) => !before.includes(pid)).length === 2)).toBe(true);
  });
});
