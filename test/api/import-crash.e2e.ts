import { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { Client } from '../support/http';
import { RunningApp, startApp, startAppProcess, testDatabaseUrl } from '../support/app';

const HEADER = '单位名称、项目名称\t项目年度绩效目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标属性\t指标内容\t分值';

/** A server killed with SIGKILL in the middle of an import or an approval leaves nothing of it behind. */
describe('work cut off by a crash', () => {
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
    await admin.post('/api/users', { username: 'tjd.reviewer', password: 'Survey@2026', displayName: '调查队财务审核', role: 'department_reviewer', organizationId: department });
  });

  /** A second API process on the same database, to be killed. */
  async function spawnServer(): Promise<string> {
    const started = await startAppProcess();
    server = started.process;
    return started.url;
  }

  it('stores none of the 20,000 rows when the API process dies inside the import transaction', async () => {
    const base = await spawnServer();
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
        server?.kill('SIGKILL');
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

  it('keeps a sheet submitted, with no version or audit entry of the approval, when the API dies inside the approval', async () => {
    const lead = await new Client(running.url).as('tjd.lead', 'Survey@2026');
    const project = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '入户调查经费', funds: { total: '8000.00', currentYearAppropriation: '8000.00', carryOver: '0', other: '0' } })).body;
    const sheet = `/api/projects/${project.id}/target-sheet`;
    const row = (level1: string, level2: string, name: string, weight: string) => ({ level1, level2, name, comparator: '≥', value: '95', unit: '%', kind: '定量', weight });
    const saved = await lead.request('PUT', sheet, { version: 0, indicators: [row('产出指标', '数量指标', '入户完成率', '40'), row('效益指标', '社会效益指标', '数据采用率', '40'), row('满意度指标', '服务对象满意度指标', '调查户满意度', '10')] });
    expect(saved.status).toBe(200);
    expect((await lead.post(`${sheet}/submit`, {})).status).toBe(200);
    const before = (await lead.get(sheet)).body;
    const versionsBefore = (await lead.get(`${sheet}/versions`)).body.length;

    const watcher = new pg.Client({ connectionString: testDatabaseUrl() });
    await watcher.connect();
    const audits = async () => (await watcher.query('SELECT count(*)::int AS n FROM audit_log a JOIN target_sheets s ON s.id = a.entity_id WHERE s.project_id = $1', [project.id])).rows[0].n as number;
    const auditsBefore = await audits();
    expect(auditsBefore).toBeGreaterThan(0);
    const reviewer = await new Client(await spawnServer()).as('tjd.reviewer', 'Survey@2026');
    // the audit entry is the approval's last write: hold the table so the approval stops right there
    const blocker = new pg.Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE audit_log IN SHARE MODE');
    const pending = reviewer.post(`${sheet}/approve`, { version: before.version, reviewGrade: '优' }).catch(() => null);
    let waiting = false;
    for (let i = 0; i < 2000 && !waiting; i++) {
      const { rows } = await watcher.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'audit_log' AND NOT l.granted`);
      waiting = rows[0].n > 0;
      if (!waiting) await new Promise((r) => setTimeout(r, 5));
    }
    expect(waiting).toBe(true);
    server?.kill('SIGKILL');
    expect(await pending).toBeNull();
    await blocker.query('ROLLBACK');
    await blocker.end();

    // the dead connection's transaction is rolled back once PostgreSQL notices; then the sheet is as it was
    const after = await lead.get(sheet);
    expect(after.body).toMatchObject({ status: 'submitted', version: before.version });
    expect((await lead.get(`${sheet}/versions`)).body).toHaveLength(versionsBefore);
    expect(await audits()).toBe(auditsBefore);
    // and the approval goes through on the surviving process
    const again = await (await new Client(running.url).as('tjd.reviewer', 'Survey@2026')).post(`${sheet}/approve`, { version: before.version, reviewGrade: '优' });
    expect(again.status).toBe(200);
    expect(await audits()).toBe(auditsBefore + 1);
    await watcher.end();
  });
});
