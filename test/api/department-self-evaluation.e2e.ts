import ExcelJS from 'exceljs';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const row = (over: Record<string, unknown>) => ({
  level1: '产出指标', level2: '数量指标', name: '调查项目完成数', comparator: '≥', value: '12', unit: '项', kind: '定量',
  content: '', basis: '', lastYearActual: null, weight: null, scoringRule: '', evidence: '', ...over,
});
const TARGET = {
  duties: ['按时完成各项统计调查任务', '提升统计数据质量'],
  tasks: [{ name: '统计调查', content: '组织实施各项统计调查' }],
  budget: { total: '5000000.00', basic: '4200000.00', project: '800000.00', appropriation: '5000000.00', carryOver: '0', other: '0' },
  indicators: [row({}), row({ level1: '效益指标', level2: '社会效益指标', name: '数据差错率', comparator: '≤', value: '1', unit: '%' }), row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '数据使用者满意度', value: '90', unit: '%' })],
};
const SHEET = [
  { level1: '产出指标', level2: '数量指标', name: '入户调查户数', comparator: '≥', value: '3000', unit: '户', kind: '定量', weight: '50' },
  { level1: '效益指标', level2: '社会效益指标', name: '调查数据采用率', comparator: '≥', value: '90', unit: '%', kind: '定量', weight: '30' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '调查户满意度', comparator: '≥', value: '90', unit: '%', kind: '定量', weight: '10' },
];

/** 部门整体支出绩效自评表 (SPEC §6): prefilled from the approved overall target and the projects' 自评表, filed by the department, approved by finance. */
describe('department self-evaluation', () => {
  let running: RunningApp;
  let department: string;
  let reviewer: Client;
  let lead: Client;
  let finance: Client;
  const path = () => `/api/departments/${department}/self-evaluation/2026`;

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    finance = await new Client(running.url).as('finance');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    department = (await admin.post('/api/organizations', { name: '曲靖市调查队', kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市调查队（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'dcd.lead', password: 'Survey@2026x', displayName: '调查队项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'dcd.reviewer', password: 'Survey@2026x', displayName: '调查队审核人', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('dcd.lead', 'Survey@2026x');
    reviewer = await new Client(running.url).as('dcd.reviewer', 'Survey@2026x');
    const target = `/api/departments/${department}/overall-target/2026`;
    expect((await reviewer.request('PUT', target, { version: 0, ...TARGET })).status).toBe(200);
    await reviewer.post(`${target}/submit`, {});
    expect((await finance.post(`${target}/approve`, {})).body.status).toBe('approved');
    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: '住户调查经费', funds: { total: '800000.00', currentYearAppropriation: '800000.00', carryOver: '0', other: '0' } })).body.id;
    await lead.request('PUT', `/api/projects/${projectId}/target-sheet`, { version: 0, indicators: SHEET });
    await lead.post(`/api/projects/${projectId}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post('/api/self-evaluation-rounds', { fiscalYear: 2026, deadline: '2027-03-31' });
    const evaluation = (await lead.get(`/api/self-evaluations?fiscalYear=2026&projectId=${projectId}`)).body.items[0];
    const read = (await lead.get(`/api/self-evaluations/${evaluation.id}`)).body;
    await lead.request('PUT', `/api/self-evaluations/${evaluation.id}`, { version: read.version, budget: { executed: '760000', adjustment: '-20000' }, indicators: read.indicators.map((i: { indicatorId: string }) => ({ indicatorId: i.indicatorId, actual: '3000' })) });
  });
  afterAll(() => running.close());

  it('waits in the department’s 待办 once the year is open, prefilled from the approved overall target and the projects’ 自评表', async () => {
    const item = (await reviewer.get('/api/inbox?pageSize=500')).body.items.find((i: { kind: string; departmentId?: string }) => i.kind === 'department_self_evaluation' && i.departmentId === department);
    expect(item).toMatchObject({ reason: '部门整体支出绩效自评表待填报', fiscalYear: 2026, deadline: expect.any(String) });
    const read = (await reviewer.get(path())).body;
    expect(read).toMatchObject({ version: 0, status: 'draft', targetApproved: true, fromProjects: { initial: '800000.00', adjustment: '-20000.00', executed: '760000.00', evaluations: 1 } });
    expect(read.duties).toEqual([{ duty: '按时完成各项统计调查任务', result: '' }, { duty: '提升统计数据质量', result: '' }]);
    expect(read.indicators.map((i: { name: string }) => i.name)).toEqual(['调查项目完成数', '数据差错率', '数据使用者满意度']);
    expect(read.budget.basic).toMatchObject({ initial: '4200000.00', executed: '' });
    expect(read.budget.project).toMatchObject({ initial: '800000.00', adjustment: '-20000.00', annual: '780000.00', executed: '760000.00', rate: '97.44' });
    expect(read.actions).toEqual(['save', 'submit']);
    expect((await lead.get(path())).status).toBe(404);
  });

  it('is filed by its department: amounts checked by field, results and notes required on submit by row', async () => {
    const read = (await reviewer.get(path())).body;
    const body = (over: Record<string, unknown> = {}) => ({
      version: read.version,
      budget: { basic: { initial: '4200000.00', adjustment: '150000', executed: '4350000' }, project: { initial: '800000.00', adjustment: '-20000', executed: '760000' } },
      duties: read.duties.map((d: { duty: string }, n: number) => ({ duty: d.duty, result: n === 0 ? '完成 12 项统计调查' : '' })),
      indicators: read.indicators.map((i: { id: string }, n: number) => ({ id: i.id, actual: ['12', '1.5', '95'][n], deviationNote: '' })),
      ...over,
    });
    const bad = await reviewer.request('PUT', path(), body({ budget: { basic: { initial: '四百二十万', adjustment: '0', executed: '' }, project: { initial: '800000', adjustment: '0', executed: '' } } }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'budget.basic.initial', message: '基本支出年初预算数“四百二十万”不是金额' }]);
    expect((await lead.request('PUT', path(), body())).status).toBe(403);
    const saved = await reviewer.request('PUT', path(), body());
    expect(saved.status).toBe(200);
    expect(saved.body.budget.total).toMatchObject({ initial: '5000000.00', adjustment: '130000.00', annual: '5130000.00', executed: '5110000.00', rate: '99.61' });
    const refused = await reviewer.post(`${path()}/submit`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { row: 2, field: 'duties.1.result', message: '第 2 项部门年度目标“提升统计数据质量”：请填写完成情况' },
      { row: 2, field: 'deviationNote', message: '第 2 行“数据差错率”：未完成目标或超出目标较多，请填写偏差原因分析及改进措施' },
    ]);
    const fixed = await reviewer.request('PUT', path(), { ...body(), version: saved.body.version, duties: body().duties.map((d: { duty: string; result: string }) => ({ ...d, result: d.result || '差错率较上年下降' })), indicators: body().indicators.map((i: { id: string; actual: string }, n: number) => ({ ...i, deviationNote: n === 1 ? '新增调查员培训不足，明年加强' : '' })) });
    expect(fixed.status).toBe(200);
    expect((await reviewer.request('PUT', path(), body())).status).toBe(409);
    expect((await reviewer.post(`${path()}/submit`, {})).body.status).toBe('submitted');
  });

  it('is reviewed by finance: a return needs a comment, the approval lands it in the disclosure pack first', async () => {
    const item = (await finance.get('/api/inbox?pageSize=500')).body.items.find((i: { kind: string; departmentId?: string }) => i.kind === 'department_self_evaluation' && i.departmentId === department);
    expect(item).toMatchObject({ reason: '部门整体支出绩效自评表待审核' });
    expect((await reviewer.post(`${path()}/approve`, {})).status).toBe(403);
    expect((await finance.post(`${path()}/return`, {})).status).toBe(400);
    expect((await finance.post(`${path()}/approve`, {})).body.status).toBe('approved');
    expect((await (await new Client(running.url).as('zfb.reviewer')).get(path())).status).toBe(404);
    const file = await finance.download(`${path()}/table.xlsx`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('2026年度部门整体支出绩效自评表');
    expect(sheet.getCell('B3').value).toBe('曲靖市调查队');
    const pack = await finance.download(`/api/self-evaluations/disclosure.xlsx?fiscalYear=2026&departmentId=${department}`);
    const packed = new ExcelJS.Workbook();
    await packed.xlsx.load(pack.content as unknown as ArrayBuffer);
    expect(packed.worksheets.map((s) => s.name)).toEqual(['部门整体支出绩效自评表']);
    const list = (await finance.get('/api/department-self-evaluations?fiscalYear=2026&pageSize=500')).body.items.find((d: { departmentId: string }) => d.departmentId === department);
    expect(list).toMatchObject({ status: 'approved', rate: '99.61' });
  });
});
