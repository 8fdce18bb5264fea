import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

/** Works in a unit of its own so the demo units keep their exact project counts. */
describe('projects', () => {
  let running: RunningApp;
  let lead: Client;
  let unitId: string;
  let departmentId: string;

  const funds = (total: string, cya: string, carry = '0.00', other = '0.00') => ({
    total,
    currentYearAppropriation: cya,
    carryOver: carry,
    other,
  });

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const organizations = (await admin.get('/api/organizations')).body as { id: string; name: string }[];
    const finance = organizations.find((o) => o.name === '曲靖市财政局') as { id: string };
    const department = await admin.post('/api/organizations', { name: '曲靖市网信办', kind: 'department', parentId: finance.id });
    departmentId = department.body.id;
    const unit = await admin.post('/api/organizations', { name: '曲靖市网上信访中心', kind: 'unit', parentId: departmentId });
    expect(unit.status).toBe(201);
    unitId = unit.body.id;
    const user = await admin.post('/api/users', {
      username: 'wsxf.lead',
      password: 'Project@2026',
      displayName: '网上信访项目负责人',
      role: 'project_lead',
      organizationId: unitId,
    });
    expect(user.status).toBe(201);
    lead = await new Client(running.url).as('wsxf.lead', 'Project@2026');
  });
  afterAll(() => running.close());

  it('creates a project in the lead’s unit and keeps money exact to the cent', async () => {
    const reply = await lead.post('/api/projects', {
      fiscalYear: 2026,
      unitId,
      code: '530300260000000000001',
      name: '网上信访系统运维经费',
      category: '311 专项业务类',
      level: '本级',
      overallGoal: '保障网上信访系统全年稳定运行。',
      funds: funds('0.30', '0.10', '0.20'),
      midTerm: { year1: '0.30', year2: '1000000', year3: null },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      fiscalYear: 2026,
      unitId,
      unitName: '曲靖市网上信访中心',
      code: '530300260000000000001',
      name: '网上信访系统运维经费',
      funds: { total: '0.30', currentYearAppropriation: '0.10', carryOver: '0.20', other: '0.00' },
      midTerm: { year1: '0.30', year2: '1000000.00', year3: null },
    });
    const read = await lead.get(`/api/projects/${reply.body.id}`);
    expect(read.body).toEqual(reply.body);
  });

  it('refuses a body with a field it does not know, such as role', async () => {
    const reply = await lead.post('/api/projects', {
      fiscalYear: 2026,
      unitId,
      name: '多带字段的项目',
      funds: funds('1.00', '1.00'),
      role: 'admin',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ message: '不允许提交字段「role」', errors: [{ field: 'role', message: '不允许提交字段「role」' }] });
  });

  it('refuses funds that do not add up, and money that is not money', async () => {
    const split = await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '资金不平的项目', funds: funds('100.00', '60.00', '30.00') });
    expect(split.status).toBe(400);
    expect(split.body.message).toBe('年度预算总额 100.00 元不等于当年财政拨款、上年结转与其他资金之和 90.00 元');
    expect(split.body.errors).toEqual([{ field: 'funds.total', message: split.body.message }]);
    const float = await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '金额有误的项目', funds: funds('1.005', '1.005') });
    expect(float.status).toBe(400);
    expect(float.body.errors[0]).toEqual({ field: 'funds.total', message: '年度预算总额须为不小于 0 的金额（元），最多两位小数' });
  });

  it('refuses a second project of the same name or code in the same unit and year', async () => {
    const body = { fiscalYear: 2026, unitId, name: '重复项目', code: '530300260000000000099', funds: funds('5.00', '5.00') };
    expect((await lead.post('/api/projects', body)).status).toBe(201);
    const sameName = await lead.post('/api/projects', { ...body, code: null });
    expect(sameName.status).toBe(400);
    expect(sameName.body.message).toBe('本单位 2026 年度已有名为「重复项目」的项目');
    const sameCode = await lead.post('/api/projects', { ...body, name: '另一个名字' });
    expect(sameCode.body.message).toBe('本单位 2026 年度已有编码为 530300260000000000099 的项目');
  });

  it('refuses a project in a closed or unknown year', async () => {
    const closed = await lead.post('/api/projects', { fiscalYear: 2024, unitId, name: '往年项目', funds: funds('1.00', '1.00') });
    expect(closed.status).toBe(400);
    expect(closed.body.message).toBe('2024 年度已关闭，不能新增项目');
    const unknown = await lead.post('/api/projects', { fiscalYear: 2031, unitId, name: '未来项目', funds: funds('1.00', '1.00') });
    expect(unknown.body.message).toBe('2031 年度尚未设立，请联系管理员');
  });

  it('filters by fiscal year and by a search on name or code, escaping wildcards', async () => {
    const byName = await lead.get('/api/projects?fiscalYear=2026&q=' + encodeURIComponent('运维'));
    expect(byName.body.items.map((p: { name: string }) => p.name)).toEqual(['网上信访系统运维经费']);
    const byCode = await lead.get('/api/projects?q=0000000000001');
    expect(byCode.body.total).toBe(1);
    expect((await lead.get('/api/projects?q=%25')).body.total).toBe(0);
    expect((await lead.get('/api/projects?fiscalYear=2024')).body.total).toBe(0);
    expect((await lead.get('/api/projects?fiscalYear=abc')).status).toBe(400);
  });

  it('pages the list and reports the total', async () => {
    const first = await lead.get('/api/projects?pageSize=1&page=1');
    const second = await lead.get('/api/projects?pageSize=1&page=2');
    expect(first.body.total).toBe(2);
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('lists the projects of a 主管部门’s units, within the caller’s scope, each with its sheet’s 第 N 版', async () => {
    const own = await lead.get(`/api/projects?fiscalYear=2026&departmentId=${departmentId}`);
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(2);
    expect(own.body.items.map((p: { unitName: string }) => p.unitName)).toEqual(['曲靖市网上信访中心', '曲靖市网上信访中心']);
    expect(own.body.items[0].targetSheet).toMatchObject({ status: 'draft', version: 0, historyVersion: 0 });

    const finance = await new Client(running.url).as('finance');
    const govOffice = ((await finance.get('/api/organizations')).body as { id: string; name: string }[]).find((o) => o.name === '曲靖市人民政府办公室') as { id: string };
    // the lead of another department sees none of 政府办's projects
    expect((await lead.get(`/api/projects?departmentId=${govOffice.id}`)).body).toEqual({ items: [], total: 0 });
    const listed = await finance.get(`/api/projects?fiscalYear=2026&departmentId=${govOffice.id}&q=${encodeURIComponent('督办及调研')}`);
    expect(listed.body.items.map((p: { unitName: string }) => p.unitName)).toEqual(['曲靖市人民政府办公室（本级）']);
    const project = listed.body.items[0] as { id: string; targetSheet: { historyVersion: number } };
    const versions = (await finance.get(`/api/projects/${project.id}/target-sheet/versions`)).body as { number: number }[];
    expect(project.targetSheet.historyVersion).toBe(Math.max(...versions.map((v) => v.number)));
    expect((await finance.get(`/api/projects/${project.id}`)).body.targetSheet.historyVersion).toBe(project.targetSheet.historyVersion);
  });

  it('refuses a 主管部门 that is not an id, naming the field', async () => {
    const reply = await lead.get('/api/projects?departmentId=abc');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ message: '主管部门无效', errors: [{ field: 'departmentId', message: '主管部门无效' }] });
  });
});
