import { randomUUID } from 'node:crypto';
import { Client, Reply } from '../support/http';
import { RunningApp, startApp } from '../support/app';

/**
 * Every operation of the live OpenAPI document × every role, with ids of the caller's own
 * department and of the other one. What each probe must answer follows from the document alone
 * (`x-public`, `x-permissions`) and from whose the ids are, so a new route is covered the day it
 * appears; a path parameter this test cannot place fails it, asking for a fixture.
 *
 *  - anonymous: 401 on every route not marked public;
 *  - a role without the route's permission: 403, whatever the ids and body;
 *  - another department's project, report, self-evaluation, department or unit: never 2xx;
 *  - no 5xx anywhere; no 2xx read of a lead or department reviewer names another department's
 *    project, report or self-evaluation anywhere in its body (lists included).
 * Writes a permitted caller may really perform on its own data are left to the functional suites.
 */
type Side = 'zfb' | 'xfj';
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  method: Method;
  path: string;
  public: boolean;
  permissions: string[] | null;
  query: string[];
}
interface Caller {
  name: string;
  client: Client;
  side: Side | 'all' | null;
  permissions: string[];
}

const OTHER: Record<Side, Side> = { zfb: 'xfj', xfj: 'zfb' };
const UNIT: Record<Side, string> = { zfb: '曲靖市人民政府办公室（本级）', xfj: '曲靖市信访局（本级）' };
const DEPARTMENT: Record<Side, string> = { zfb: '曲靖市人民政府办公室', xfj: '曲靖市信访局' };

describe('route × role matrix from the OpenAPI document', () => {
  let running: RunningApp;
  let operations: Operation[];
  let callers: Caller[];
  /** Per side, the ids of that side's scoped records, by kind. */
  const owned: Record<Side, Record<string, string[]>> = { zfb: {}, xfj: {} };
  /** One id of each record that belongs to no department (rounds, profiles, users …). */
  const shared: Record<string, string> = {};

  beforeAll(async () => {
    running = await startApp();
    const anonymous = new Client(running.url);
    const document = (await anonymous.get('/api/docs-json')).body as { paths: Record<string, Record<Method, { parameters?: { in: string; name: string }[]; 'x-public'?: boolean; 'x-permissions'?: string[] }>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method as Method,
        path,
        public: op['x-public'] === true,
        permissions: op['x-permissions'] ?? null,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );

    callers = [{ name: 'anonymous', client: anonymous, side: null, permissions: [] }];
    for (const [name, side] of [['admin', 'all'], ['finance', 'all'], ['zfb.reviewer', 'zfb'], ['zfb.lead', 'zfb'], ['xfj.reviewer', 'xfj'], ['xfj.lead', 'xfj']] as const) {
      const client = await anonymous.as(name);
      callers.push({ name, client, side, permissions: (await client.get('/api/me')).body.permissions });
    }

    const finance = callers.find((c) => c.name === 'finance')?.client as Client;
    const admin = callers.find((c) => c.name === 'admin')?.client as Client;
    const organizations = (await finance.get('/api/organizations')).body as { id: string; name: string }[];
    const orgId = (name: string) => organizations.find((o) => o.name === name)?.id as string;
    const projects = (await finance.get('/api/projects?fiscalYear=2026&pageSize=500')).body.items as { id: string; unitName: string }[];
    const evaluations = (await finance.get('/api/self-evaluations?pageSize=500')).body.items as { id: string; unitName: string }[];
    const reports = (await finance.get('/api/monitoring-reports?pageSize=500')).body.items as { id: string }[];
    const sideOfUnit = (unitName: string): Side | null => (unitName === UNIT.zfb ? 'zfb' : unitName === UNIT.xfj ? 'xfj' : null);
    for (const side of ['zfb', 'xfj'] as const) {
      owned[side]['project'] = projects.filter((p) => sideOfUnit(p.unitName) === side).map((p) => p.id);
      owned[side]['selfEvaluation'] = evaluations.filter((e) => sideOfUnit(e.unitName) === side).map((e) => e.id);
      owned[side]['department'] = [orgId(DEPARTMENT[side])];
      owned[side]['unit'] = [orgId(UNIT[side])];
      owned[side]['monitoringReport'] = [];
    }
    for (const report of reports) {
      const projectId = (await finance.get(`/api/monitoring-reports/${report.id}`)).body.projectId as string;
      for (const side of ['zfb', 'xfj'] as const) if (owned[side]['project'].includes(projectId)) owned[side]['monitoringReport'].push(report.id);
    }
    for (const side of ['zfb', 'xfj'] as const) for (const [kind, ids] of Object.entries(owned[side])) if (ids.length === 0) throw new Error(`the demo data has no ${kind} of ${side}`);

    shared['monitoringRound'] = (await finance.get('/api/monitoring-rounds')).body.items[0].id;
    shared['settingsProfile'] = (await finance.get('/api/settings-profiles')).body[0].id;
    shared['organization'] = orgId(UNIT.zfb);
    shared['user'] = (await admin.get('/api/users')).body.items[0].id;
    shared['libraryEntry'] = randomUUID();
  }, 120_000);
  afterAll(() => running?.close());

  /** What a path parameter stands for: a scoped kind (with a side), a shared record, or a plain value. */
  function placeholder(path: string, name: string): { kind: string; scoped: boolean } | { value: string } {
    const before = path.split(`{${name}}`)[0];
    const resource = before.split('/').filter(Boolean).pop() ?? '';
    if (name === 'year') return { value: '2026' };
    if (name === 'code') return { value: 'no-such-flag' };
    if (name === 'key') return { value: 'account:nobody@127.0.0.1' };
    if (name === 'projectId' || (resource === 'projects' && name === 'id')) return { kind: 'project', scoped: true };
    if (name === 'departmentId') return { kind: 'department', scoped: true };
    const byResource: Record<string, { kind: string; scoped: boolean }> = {
      'monitoring-reports': { kind: 'monitoringReport', scoped: true },
      'self-evaluations': { kind: 'selfEvaluation', scoped: true },
      'monitoring-rounds': { kind: 'monitoringRound', scoped: false },
      'settings-profiles': { kind: 'settingsProfile', scoped: false },
      organizations: { kind: 'organization', scoped: false },
      users: { kind: 'user', scoped: false },
      'indicator-library': { kind: 'libraryEntry', scoped: false },
    };
    if (byResource[resource]) return byResource[resource];
    // records the demo data does not hold: a well-formed id nobody owns
    if (resource === 'evidence' || resource === 'budget-cuts' || resource === 'import-layouts') return { value: randomUUID() };
    throw new Error(`route-matrix: no fixture for {${name}} in ${path}; add one to placeholder()`);
  }

  /** The probe's URL with ids of `side` (null: the shared records), and whether it names scoped data. */
  function urlOf(op: Operation, side: Side | null): { url: string; scoped: boolean } {
    let scoped = false;
    let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const placed = placeholder(op.path, name);
      if ('value' in placed) return placed.value;
      if (!placed.scoped) return shared[placed.kind];
      scoped = true;
      return owned[side ?? 'zfb'][placed.kind][0];
    });
    const query: string[] = [];
    if (op.query.includes('fiscalYear')) query.push('fiscalYear=2026');
    if (op.query.includes('organizationId')) {
      scoped = true;
      query.push(`organizationId=${owned[side ?? 'zfb']['unit'][0]}`);
    }
    if (op.query.includes('roundId')) query.push(`roundId=${shared['monitoringRound']}`);
    if (query.length) url += `?${query.join('&')}`;
    return { url, scoped };
  }

  async function call(caller: Caller, op: Operation, url: string): Promise<Reply> {
    if (op.method === 'get') {
      const reply = await caller.client.download(url);
      const text = reply.content.toString('utf8');
      return { status: reply.status, body: text, headers: reply.headers };
    }
    return caller.client.request(op.method.toUpperCase(), url, {});
  }

  it('answers every route for every role as its permission and scope say: 0 leaks, 0 × 5xx', async () => {
    const findings: string[] = [];
    let probes = 0;
    const tally = { anonymous: 0, withoutPermission: 0, foreign: 0, readsScanned: 0, other: 0 };
    for (const op of operations) {
      if (op.path === '/api/auth/logout' || op.path === '/api/auth/login') continue; // sessions.e2e and auth.e2e
      for (const caller of callers) {
        const sides: (Side | null)[] = op.path.includes('{') || op.query.includes('organizationId') ? ['zfb', 'xfj'] : [null];
        for (const side of sides) {
          const { url, scoped } = urlOf(op, side);
          const permitted = op.permissions === null || op.permissions.some((p) => caller.permissions.includes(p));
          const foreign = scoped && caller.side !== 'all' && caller.side !== null && side !== caller.side;
          const mutatesOwn = op.method !== 'get' && permitted && !foreign && caller.side !== null;
          if (mutatesOwn) continue;
          const reply = await call(caller, op, url);
          probes++;
          const where = `${caller.name} ${op.method.toUpperCase()} ${url} → ${reply.status}`;
          tally[caller.side === null ? 'anonymous' : !permitted ? 'withoutPermission' : foreign ? 'foreign' : op.method === 'get' && caller.side !== 'all' ? 'readsScanned' : 'other']++;
          if (reply.status >= 500) findings.push(`5xx: ${where}`);
          else if (caller.side === null && !op.public) {
            if (reply.status !== 401) findings.push(`not 401 for anonymous: ${where}`);
          } else if (!permitted) {
            if (reply.status !== 403) findings.push(`not 403 without ${op.permissions?.join('/')}: ${where}`);
          } else if (foreign && reply.status < 300) findings.push(`leak (another department's record answered): ${where}`);
          else if (op.method === 'get' && reply.status < 300 && (caller.side === 'zfb' || caller.side === 'xfj')) {
            const theirs = Object.values(owned[OTHER[caller.side]]).flat();
            const named = theirs.filter((id) => String(reply.body).includes(id) && !owned[caller.side as Side]['unit'].includes(id));
            const allowed = new Set([...owned[OTHER[caller.side]]['department'], ...owned[OTHER[caller.side]]['unit']]);
            const leaked = named.filter((id) => !allowed.has(id));
            if (leaked.length) findings.push(`leak (names ${leaked.length} of another department's records): ${where}`);
          }
        }
      }
    }
    console.log(`route × role matrix: ${operations.length} operations × ${callers.length} callers, ${probes} probes (${JSON.stringify(tally)}), ${findings.length} findings`);
    expect(findings).toEqual([]);
    expect(probes).toBeGreaterThan(500);
    expect(tally.foreign).toBeGreaterThan(100);
    expect(tally.withoutPermission).toBeGreaterThan(100);
  }, 300_000);
});
