import ExcelJS from 'exceljs';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const indicator = (over: Record<string, unknown> = {}) => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '巡查次数',
  comparator: '≥',
  value: '12',
  unit: '次',
  kind: '定量',
  content: '反映河道巡查次数。',
  basis: '计划标准',
  lastYearActual: null,
  weight: '25',
  scoringRule: '按照完成比例赋分',
  evidence: '巡查记录',
  ...over,
});

/** Passes every blocking check: 产出 50 + 效益 30 + 满意度 10. */
const complete = [
  indicator(),
  indicator({ level2: '质量指标', name: '问题整改率', comparator: '=', value: '100', unit: '%', weight: '25' }),
  indicator({ level1: '效益指标', level2: '可持续影响', name: '河道环境改善', comparator: '=', value: '有效改善', unit: '', kind: '定性', weight: '30' }),
  indicator({ level1: '满意度指标', level2: '服务对象满意度', name: '沿河群众满意度', value: '90', unit: '%', weight: '10' }),
];

const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface Entry {
  action: string;
  actionLabel: string;
  entityLabel: string;
  fieldLabel: string | null;
  objectName: string | null;
  organizationName: string | null;
  actor: string | null;
  oldText: string | null;
  newText: string | null;
  oldValue: string | null;
  newValue: string | null;
}

describe('the audit log (变更记录) as a clerk reads it', () => {
  let running: RunningApp;
  let reviewer: Client;
  let otherReviewer: Client;
  let finance: Client;
  const project = '河道巡查保洁经费（审计日志）';
  const otherProject = '水库安全监测经费（审计日志）';

  beforeAll(async () => {
    running = await startApp();
    const anonymous = new Client(running.url);
    const admin = await anonymous.as('admin');
    const finance0 = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance')?.id;
    const made: Record<string, { unit: string; lead: Client; reviewer: Client }> = {};
    for (const [key, name] of [['sl', '曲靖市水利局（审计）'], ['hb', '曲靖市生态环境局（审计）']] as const) {
      const department = (await admin.post('/api/organizations', { name, kind: 'department', parentId: finance0 })).body.id;
      const unit = (await admin.post('/api/organizations', { name: `${name}本级`, kind: 'unit', parentId: department })).body.id;
      await admin.post('/api/users', { username: `${key}.audit.lead`, password: 'Lead@2026x', displayName: `${key === 'sl' ? '水利局' : '环境局'}填报员`, role: 'project_lead', organizationId: unit });
      await admin.post('/api/users', { username: `${key}.audit.reviewer`, password: 'Review@2026x', displayName: `${key === 'sl' ? '水利局' : '环境局'}审核员`, role: 'department_reviewer', organizationId: department });
      made[key] = { unit, lead: await anonymous.as(`${key}.audit.lead`, 'Lead@2026x'), reviewer: await anonymous.as(`${key}.audit.reviewer`, 'Review@2026x') };
    }
    reviewer = made['sl'].reviewer;
    otherReviewer = made['hb'].reviewer;
    finance = await anonymous.as('finance');
    const funds = { total: '80000.00', currentYearAppropriation: '80000.00', carryOver: '0', other: '0' };

    // 水利局: saved, a row changed, submitted, returned, resubmitted, approved — each over HTTP as its user
    const lead = made['sl'].lead;
    const id = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: made['sl'].unit, name: project, funds })).body.id;
    const sheet = `/api/projects/${id}/target-sheet`;
    const saved = (await lead.request('PUT', sheet, { version: 0, indicators: complete })).body;
    const edited = (await lead.request('PUT', sheet, { version: saved.version, indicators: [{ ...saved.indicators[0], value: '30', weight: '20' }, { ...saved.indicators[1], weight: '30' }, ...saved.indicators.slice(2)] })).body;
    expect(edited.version).toBe(2);
    expect((await lead.post(`${sheet}/submit`, {})).status).toBe(200);
    expect((await reviewer.post(`${sheet}/return`, { reviewGrade: '中', comment: '巡查次数请与上年对比' })).status).toBe(200);
    expect((await lead.post(`${sheet}/submit`, {})).status).toBe(200);
    expect((await reviewer.post(`${sheet}/approve`, { reviewGrade: '优' })).status).toBe(200);

    // 环境局: one project submitted
    const otherLead = made['hb'].lead;
    const other = (await otherLead.post('/api/projects', { fiscalYear: 2026, unitId: made['hb'].unit, name: otherProject, funds })).body.id;
    expect((await otherLead.request('PUT', `/api/projects/${other}/target-sheet`, { version: 0, indicators: complete })).status).toBe(200);
    expect((await otherLead.post(`/api/projects/${other}/target-sheet/submit`, {})).status).toBe(200);
  });
  afterAll(() => running.close());

  const entries = async (client: Client, query: string): Promise<{ items: Entry[]; total: number }> => {
    const reply = await client.get(`/api/audit?pageSize=500&${query}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('answers every entry in Chinese, naming the project and its unit, old fields kept as stored', async () => {
    const { items } = await entries(reviewer, `object=${encodeURIComponent('河道巡查')}`);
    expect(items.every((e) => e.objectName === project)).toBe(true);
    expect(items).toContainEqual(expect.objectContaining({ action: 'submit', actionLabel: '提交', entityLabel: '绩效目标表', fieldLabel: '状态', oldText: '草稿', newText: '已提交', organizationName: '曲靖市水利局（审计）本级', actor: '水利局填报员' }));
    expect(items).toContainEqual(expect.objectContaining({ action: 'return', actionLabel: '退回', oldText: '已提交', newText: '草稿', actor: '水利局审核员' }));
    expect(items).toContainEqual(expect.objectContaining({ action: 'approve', actionLabel: '审核通过', newText: '主管部门已审核' }));
    expect(items).toContainEqual(
      expect.objectContaining({ action: 'row_changed', actionLabel: '修改指标', fieldLabel: '产出指标 › 数量指标 › 巡查次数', oldValue: 'value=12; weight=25', newValue: 'value=30; weight=20', oldText: '指标值 12；分值 25', newText: '指标值 30；分值 20' }),
    );
    expect(items).toContainEqual(expect.objectContaining({ action: 'row_added', actionLabel: '新增指标', entityLabel: '绩效目标表', fieldLabel: '满意度指标 › 服务对象满意度指标 › 沿河群众满意度' }));
  });

  it('filters by action, by person and by days (Beijing time), and pages the result', async () => {
    const returned = await entries(reviewer, 'action=return');
    expect(returned.items.length).toBeGreaterThan(0);
    expect(returned.items.every((e) => e.action === 'return' && e.objectName === project)).toBe(true);

    const byLead = await entries(reviewer, `actor=${encodeURIComponent('填报员')}`);
    expect(byLead.items.length).toBeGreaterThan(0);
    expect(new Set(byLead.items.map((e) => e.actor))).toEqual(new Set(['水利局填报员']));

    const today = beijingToday();
    expect((await entries(reviewer, `from=${today}&to=${today}&object=${encodeURIComponent(project)}`)).total).toBe((await entries(reviewer, `object=${encodeURIComponent(project)}`)).total);
    expect((await entries(reviewer, 'from=2020-01-01&to=2020-12-31')).total).toBe(0);

    const page = await reviewer.get(`/api/audit?object=${encodeURIComponent(project)}&pageSize=2&page=2`);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(4);
  });

  it('keeps each department to its own entries; finance reads both', async () => {
    expect((await entries(reviewer, `object=${encodeURIComponent(otherProject)}`)).total).toBe(0);
    const theirs = await entries(otherReviewer, '');
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((e) => e.organizationName === '曲靖市生态环境局（审计）本级')).toBe(true);
    expect((await entries(finance, `object=${encodeURIComponent('（审计日志）')}&action=submit`)).items.map((e) => e.objectName).sort()).toEqual([otherProject, project, project].sort());
    expect((await finance.get('/api/audit.xlsx')).status).toBe(200);
  });

  it('answers a bad filter with 400 at its field, in Chinese', async () => {
    const cases: [string, string, string][] = [
      ['from=2026-02-30', 'from', '开始日期应为有效的“年-月-日”，如 2026-03-01'],
      ['to=明天', 'to', '结束日期应为有效的“年-月-日”，如 2026-03-31'],
      ['from=2026-03-10&to=2026-03-01', 'to', '结束日期不能早于开始日期'],
      ['action=drop_table', 'action', '操作类型无效，请从列表中选择'],
    ];
    for (const [query, field, message] of cases) {
      const reply = await reviewer.get(`/api/audit?${query}`);
      expect([reply.status, reply.body.errors]).toEqual([400, [{ field, message }]]);
      expect((await reviewer.get(`/api/audit.xlsx?${query}`)).status).toBe(400);
    }
  });

  it('exports the same filtered entries as an xlsx in words', async () => {
    const reply = await reviewer.download(`/api/audit.xlsx?action=row_changed&object=${encodeURIComponent('河道')}`);
    expect(reply.status).toBe(200);
    expect(decodeURIComponent(reply.headers.get('content-disposition') ?? '')).toContain(`变更记录 ${beijingToday()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('变更记录');
    const rows = (sheet?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1).map((c) => String(c ?? '')) : []));
    expect(rows[1][0]).toBe('变更记录');
    expect(rows[2][0]).toMatch(/筛选：对象含“河道”，操作：修改指标；共 \d+ 条$/);
    expect(rows[4]).toEqual(['时间', '操作人', '对象类型', '对象', '所属单位', '操作', '内容', '原值', '新值']);
    const body = rows.slice(5).filter((r) => r.length);
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((r) => r[5] === '修改指标' && r[3] === project)).toBe(true);
    expect(body).toContainEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), '水利局填报员', '绩效目标表', project, '曲靖市水利局（审计）本级', '修改指标', '产出指标 › 数量指标 › 巡查次数', '指标值 12；分值 25', '指标值 30；分值 20']);
  });

  it('is for reviewers and admins only', async () => {
    const lead = await new Client(running.url).as('sl.audit.lead', 'Lead@2026x');
    expect((await lead.get('/api/audit')).status).toBe(403);
    expect((await lead.get('/api/audit.xlsx')).status).toBe(403);
  });
});
