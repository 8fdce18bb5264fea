import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const ZFB_UNIT = '曲靖市人民政府办公室（本级）';
const XFJ_UNIT = '曲靖市信访局（本级）';

describe('organisation scoping', () => {
  let running: RunningApp;
  let anonymous: Client;
  let zfbProjectId: string;
  let units: Record<string, string>;

  beforeAll(async () => {
    running = await startApp();
    anonymous = new Client(running.url);
    const finance = await anonymous.as('finance');
    const all = await finance.get('/api/projects?fiscalYear=2026&pageSize=500');
    zfbProjectId = all.body.items.find((p: { name: string }) => p.name === '督办及调研工作经费').id;
    units = Object.fromEntries((await finance.get('/api/organizations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));
  });
  afterAll(() => running.close());

  async function unitsSeenBy(username: string): Promise<{ total: number; units: string[] }> {
    const client = await anonymous.as(username);
    const reply = await client.get('/api/projects?fiscalYear=2026&pageSize=500');
    expect(reply.status).toBe(200);
    return { total: reply.body.total, units: [...new Set<string>(reply.body.items.map((p: { unitName: string }) => p.unitName))].sort() };
  }

  it('shows a project lead only the projects of their own unit', async () => {
    expect(await unitsSeenBy('zfb.lead')).toEqual({ total: 10, units: [ZFB_UNIT] });
    expect(await unitsSeenBy('xfj.lead')).toEqual({ total: 8, units: [XFJ_UNIT] });
  });

  it('shows a department reviewer only the units under the department', async () => {
    expect(await unitsSeenBy('zfb.reviewer')).toEqual({ total: 10, units: [ZFB_UNIT] });
    expect(await unitsSeenBy('xfj.reviewer')).toEqual({ total: 8, units: [XFJ_UNIT] });
  });

  it('shows finance every department', async () => {
    const seen = await unitsSeenBy('finance');
    expect(seen.total).toBeGreaterThanOrEqual(18);
    expect(seen.units).toEqual(expect.arrayContaining([ZFB_UNIT, XFJ_UNIT]));
  });

  it('answers 404, not 403, when xfj.lead reads a 政府办 project, so its existence is not disclosed', async () => {
    const xfj = await anonymous.as('xfj.lead');
    const reply = await xfj.get(`/api/projects/${zfbProjectId}`);
    expect(reply.status).toBe(404);
    expect(reply.body.message).toBe('未找到该项目，或您无权查看');
    const zfb = await anonymous.as('zfb.lead');
    expect((await zfb.get(`/api/projects/${zfbProjectId}`)).status).toBe(200);
  });

  it('does not let a unit filter widen the scope', async () => {
    const xfj = await anonymous.as('xfj.lead');
    const reply = await xfj.get(`/api/projects?unitId=${units[ZFB_UNIT]}`);
    expect(reply.body).toEqual({ items: [], total: 0 });
  });

  it('answers 403 when xfj.lead creates a project in another unit', async () => {
    const xfj = await anonymous.as('xfj.lead');
    const reply = await xfj.post('/api/projects', {
      fiscalYear: 2026,
      unitId: units[ZFB_UNIT],
      name: '越权新建的项目',
      funds: { total: '1.00', currentYearAppropriation: '1.00', carryOver: '0', other: '0' },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.message).toBe('您只能为本单位办理此项业务');
  });

  it('answers 403 when a reviewer tries to create a project at all', async () => {
    const reviewer = await anonymous.as('zfb.reviewer');
    const reply = await reviewer.post('/api/projects', {
      fiscalYear: 2026,
      unitId: units[ZFB_UNIT],
      name: '审核人新建的项目',
      funds: { total: '1.00', currentYearAppropriation: '1.00', carryOver: '0', other: '0' },
    });
    expect(reply.status).toBe(403);
  });

  it('lets each user see only their part of the organisation tree', async () => {
    const names = async (username: string) =>
      ((await (await anonymous.as(username)).get('/api/organizations')).body as { name: string }[]).map((o) => o.name).sort();
    expect(await names('zfb.lead')).toEqual([ZFB_UNIT]);
    expect(await names('zfb.reviewer')).toEqual(['曲靖市人民政府办公室', ZFB_UNIT].sort());
    expect((await names('finance')).length).toBeGreaterThanOrEqual(5);
  });

  it('answers 404 for an unknown or malformed project id', async () => {
    const finance = await anonymous.as('finance');
    expect((await finance.get('/api/projects/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await finance.get('/api/projects/not-a-uuid')).status).toBe(404);
  });
});
