import ExcelJS from 'exceljs';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const row = (over: Record<string, unknown>) => ({
  level1: '产出指标', level2: '数量指标', name: '督办、调研次数', comparator: '≥', value: '20', unit: '次', kind: '定量',
  content: '', basis: '', lastYearActual: null, weight: null, scoringRule: '', evidence: '', ...over,
});

/** 部门整体绩效目标: written by the department, approved by finance. Runs on 2026 of a department of its own. */
describe('department overall target', () => {
  let running: RunningApp;
  let department: string;
  const path = () => `/api/departments/${department}/overall-target/2026`;
  const content = {
    duties: ['牵头完成政府工作报告等文稿起草工作', '做好市政府督查督办工作'],
    tasks: [{ name: '督查督办', content: '围绕市委、市政府重大决策部署开展督查' }],
    budget: { total: '27140532.56', basic: '24350532.56', project: '2790000.00', appropriation: '27140532.56', carryOver: '0', other: '0' },
    indicators: [
      row({}),
      row({ level1: '效益指标', level2: '社会效益', name: '门户网站访问人数增加率', value: '5', unit: '%' }),
      row({ level1: '履职效能', level2: '履职效能', name: '重点工作按期完成率', value: '95', unit: '%' }),
      row({ level1: '满意度指标', level2: '服务对象满意度', name: '机关办事人员满意度', value: '90', unit: '%' }),
    ],
  };

  const as = (username: string) => new Client(running.url).as(username, username.startsWith('tjj.') ? 'Stats@2026x' : undefined);

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    department = (await admin.post('/api/organizations', { name: '曲靖市统计局', kind: 'department', parentId: finance?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市统计局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'tjj.reviewer', password: 'Stats@2026x', displayName: '统计局财务审核', role: 'department_reviewer', organizationId: department });
    await admin.post('/api/users', { username: 'tjj.lead', password: 'Stats@2026x', displayName: '统计局项目负责人', role: 'project_lead', organizationId: unit });
  });
  afterAll(() => running.close());

  it('starts empty, with what is missing listed', async () => {
    const reply = await (await as('tjj.reviewer')).get(path());
    expect(reply.body).toMatchObject({ departmentName: '曲靖市统计局', fiscalYear: 2026, version: 0, status: 'draft', duties: [] });
    expect(reply.body.checks.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['duties-missing', 'level1-missing']));
  });

  it('is written only by its own department, and checks its budget to the cent', async () => {
    const reviewer = await as('tjj.reviewer');
    expect((await (await new Client(running.url).as('xfj.reviewer')).request('PUT', path(), { version: 0, ...content })).status).toBe(404);
    expect((await (await as('tjj.lead')).request('PUT', path(), { version: 0, ...content })).status).toBe(403);
    const off = await reviewer.request('PUT', path(), { version: 0, ...content, budget: { ...content.budget, project: '2789999.99' } });
    expect(off.status).toBe(200);
    expect(off.body.checks.map((c: { message: string }) => c.message)).toEqual(['预算总额 27,140,532.56 元不等于基本支出与项目支出之和 27,140,532.55 元']);
    expect((await reviewer.post(`${path()}/submit`, {})).body.message).toBe('还有 1 处必须修改的问题，不能提交');
    const fixed = await reviewer.request('PUT', path(), { version: 1, ...content });
    expect(fixed.body).toMatchObject({ version: 2, checks: [], indicators: [expect.objectContaining({ level1: '产出指标' }), expect.objectContaining({ level2: '社会效益指标' }), expect.anything(), expect.anything()] });
    expect((await reviewer.request('PUT', path(), { version: 1, ...content })).status).toBe(409);
  });

  it('waits in the department’s 待办 until submitted, then in finance’s; the list shows each department’s state', async () => {
    const reviewer = await as('tjj.reviewer');
    const finance = await new Client(running.url).as('finance');
    const mine = (await reviewer.get('/api/inbox?pageSize=500')).body.items.filter((i: { kind: string; fiscalYear: number }) => i.kind === 'department_target' && i.fiscalYear === 2026);
    expect(mine).toEqual([expect.objectContaining({ departmentId: department, unitName: '曲靖市统计局', status: 'draft', reason: '部门整体目标待提交' })]);
    const list = (await reviewer.get('/api/department-targets?fiscalYear=2026')).body;
    expect(list).toEqual([expect.objectContaining({ departmentId: department, departmentName: '曲靖市统计局', status: 'draft', version: 2, returned: false })]);
    const all = (await finance.get('/api/department-targets?fiscalYear=2026')).body.map((d: { departmentName: string }) => d.departmentName);
    expect(all).toEqual(expect.arrayContaining(['曲靖市统计局', '曲靖市人民政府办公室', '曲靖市信访局']));
    expect((await (await as('tjj.lead')).get('/api/department-targets?fiscalYear=2026')).status).toBe(403);
    expect((await finance.get('/api/department-targets?fiscalYear=今年')).body.message).toBe('请选择预算年度');
  });

  it('goes to finance on submit, comes back with a comment, and is approved by finance only', async () => {
    const reviewer = await as('tjj.reviewer');
    const finance = await new Client(running.url).as('finance');
    expect((await reviewer.post(`${path()}/submit`, {})).body.status).toBe('submitted');
    expect((await finance.get('/api/inbox?pageSize=500')).body.items).toContainEqual(expect.objectContaining({ kind: 'department_target', departmentId: department, reason: '部门整体目标待批复' }));
    expect((await reviewer.get('/api/inbox?pageSize=500')).body.items.filter((i: { kind: string; departmentId?: string; fiscalYear: number }) => i.kind === 'department_target' && i.departmentId === department && i.fiscalYear === 2026)).toEqual([]);
    expect((await reviewer.post(`${path()}/approve`, {})).status).toBe(403);
    expect((await finance.post(`${path()}/return`, {})).body.message).toBe('退回时请填写退回意见');
    expect((await finance.post(`${path()}/return`, { comment: '履职效能指标请量化' })).body).toMatchObject({ status: 'draft', lastComment: '履职效能指标请量化' });
    expect((await reviewer.get('/api/inbox?pageSize=500')).body.items).toContainEqual(expect.objectContaining({ departmentId: department, fiscalYear: 2026, reason: '部门整体目标被退回，待修改' }));
    await reviewer.post(`${path()}/submit`, {});
    expect((await finance.post(`${path()}/approve`, {})).body.status).toBe('approved');
    const late = await reviewer.request('PUT', path(), { version: 7, ...content });
    expect([late.status, late.body.message]).toEqual([409, '部门整体绩效目标当前为“已批复”，不能保存']);
    const history = (await finance.get(`${path()}/versions`)).body.map((v: { action: string; comment: string | null }) => `${v.action}:${v.comment ?? ''}`);
    expect(history).toEqual(['submit:', 'return:履职效能指标请量化', 'submit:', 'approve:']);
    const file = await finance.download(`${path()}/table.xlsx`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('曲靖市统计局 2026 年部门整体绩效目标表');
    const budget = sheet.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === '预算情况（万元）');
    expect(sheet.getRow((budget?.number ?? 0) + 1).getCell(2).value).toBe(2714.05);
    expect((await (await as('tjj.lead')).download(`${path()}/table.xlsx`)).status).toBe(404);
    const log = (await finance.get('/api/audit?entity=department_target')).body.items.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['submit', 'return', 'approve', 'update']));
  });

  it('keeps each indicator’s id through saves, and refuses an id that is not one of its rows', async () => {
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const other = (await admin.post('/api/organizations', { name: '曲靖市医疗保障局', kind: 'department', parentId: finance?.id })).body.id;
    await admin.post('/api/users', { username: 'ybj.reviewer', password: 'Health@2026x', displayName: '医保局财务审核', role: 'department_reviewer', organizationId: other });
    const reviewer = await new Client(running.url).as('ybj.reviewer', 'Health@2026x');
    const url = `/api/departments/${other}/overall-target/2026`;
    const first = await reviewer.request('PUT', url, { version: 0, ...content });
    const ids = first.body.indicators.map((r: { id: string }) => r.id);
    expect(ids.every((id: string) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    const reordered = [...first.body.indicators].reverse();
    const second = await reviewer.request('PUT', url, { version: first.body.version, ...content, indicators: reordered });
    expect(second.body.indicators.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    const bad = await reviewer.request('PUT', url, { version: second.body.version, ...content, indicators: [{ ...reordered[0], id: '00000000-0000-4000-8000-000000000000' }] });
    expect([bad.status, bad.body.errors]).toEqual([400, [{ row: 1, field: 'id', message: '指标编号不属于本表' }]]);
  });
});
