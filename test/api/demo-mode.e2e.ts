import pg from 'pg';
import { Client, DEMO_PASSWORD } from '../support/http';
import { startApp } from '../support/app';
import { ScratchDatabase } from '../support/scratch-database';

/** DEMO_DATA=false: an empty system with one admin whose password comes from ADMIN_PASSWORD. */
describe('starting without demo data', () => {
  let scratch: ScratchDatabase;
  let url: string;

  beforeAll(async () => {
    scratch = await new ScratchDatabase().create();
    url = scratch.url;
  });
  afterAll(() => scratch.dispose());

  it('refuses to start without ADMIN_PASSWORD', async () => {
    await expect(startApp({ databaseUrl: url, demoData: false, adminPassword: null })).rejects.toThrow(/ADMIN_PASSWORD/);
  });

  it('creates only the admin, whose password is ADMIN_PASSWORD, and no demo account', async () => {
    const running = await startApp({ databaseUrl: url, demoData: false, adminPassword: 'Own@Secret2026' });
    try {
      const anonymous = new Client(running.url);
      expect((await anonymous.post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD })).status).toBe(401);
      const adminClient = await anonymous.as('admin', 'Own@Secret2026');
      expect((await adminClient.get('/api/users')).body.items.map((u: { username: string }) => u.username)).toEqual(['admin']);
      expect((await adminClient.get('/api/projects')).body.total).toBe(0);
      expect((await anonymous.post('/api/auth/login', { username: 'zfb.lead', password: DEMO_PASSWORD })).status).toBe(401);
    } finally {
      await running.close();
    }
  });

  it('loads the demo data once: a second start adds nothing', async () => {
    const first = await startApp({ databaseUrl: url, demoData: true });
    await first.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const count = async () => (await client.query(`SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM users) + (SELECT count(*) FROM organizations) AS n`)).rows[0].n;
    const before = await count();
    const second = await startApp({ databaseUrl: url, demoData: true });
    await second.close();
    expect(await count()).toBe(before);
    await client.end();
  });
});
