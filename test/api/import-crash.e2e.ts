import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { Client } from '../support/http';
import { RunningApp, startApp, testDatabaseUrl } from '../support/app';

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'main.js');
const HEADER = '单位名称、项目名称\t项目年度绩效目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标属性\t指标内容\t分值';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** A server killed with SIGKILL in the middle of an import leaves nothing of it behind. */
describe('an import cut off by a crash', () => {
  let running: RunningApp;
  let server: ChildProcess | null = null;
  let unitId: string;

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = (await admin.post('/api/organizations', { name: '曲靖市统计调查队', kind: 'department', parentId: finance?.id })).body.id;
    unitId = (await admin.post('/api/organizations', { name: '曲靖市统计调查队（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'tjd.lead', password: 'Survey@2026', displayName: '调查队项目负责人', role: 'project_lead', organizationId: unitId });
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await running.close();
  });

  it('stores none of the 20,000 rows when the API process dies inside the import transaction', async () => {
    const port = await freePort();
    server = spawn(process.execPath, [MAIN], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), PORT: String(port), JWT_SECRET: 'e2e-secret-that-is-long-enough-for-the-check', DEMO_DATA: 'true' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const lead = await new Client(base).as('tjd.lead', 'Survey@2026');
    const lines = [HEADER];
    for (let i = 0; i < 20000; i++) lines.push([i % 10 === 0 ? `中断测试项目${i / 10}` : '', '', '产出指标', '数量指标', `指标${i % 10}`, '>=', String(i), '次', '定量指标', '', '9'].join('\t'));

    const watcher = new pg.Client({ connectionString: testDatabaseUrl() });
    await watcher.connect();
    const pending = lead.postText(`/api/imports/target-tables?fiscalYear=2026`, lines.join('\n')).catch(() => null);
    // kill the server as soon as its import transaction has written into the projects table
    let killedInside = false;
    for (let i = 0; i < 2000 && !killedInside; i++) {
      const { rows } = await watcher.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'projects' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()`);
      if (rows[0].n > 0) {
        server.kill('SIGKILL');
        killedInside = true;
      } else await new Promise((r) => setTimeout(r, 5));
    }
    expect(killedInside).toBe(true);
    expect(await pending).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    const { rows } = await watcher.query('SELECT count(*)::int AS n FROM projects WHERE unit_id = $1', [unitId]);
    await watcher.end();
    expect(rows[0].n).toBe(0);
    expect((await (await new Client(running.url).as('tjd.lead', 'Survey@2026')).get(`/api/projects?unitId=${unitId}`)).body.items).toEqual([]);
  });
});
