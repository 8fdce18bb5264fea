import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const row = (level1: string, level2: string, name: string, value: string, unit: string, weight: string) => ({
  level1, level2, name, comparator: '≥', value, unit, kind: '定量', weight,
});
/** Optional fields left out, as SPEC §11 allows. */
const rows = [
  row('产出指标', '数量指标', '巡查次数', '12', '次', '25'),
  row('产出指标', '质量指标', '问题整改率', '95', '%', '25'),
  row('效益指标', '社会效益指标', '隐患发现率', '90', '%', '30'),
  row('满意度指标', '服务对象满意度指标', '群众满意度', '90', '%', '10'),
];

/** The one review chain with stable indicator ids: a reviewer's row comment stays on its indicator. */
describe('review chain and indicator identity', () => {
  let running: RunningApp;
  let lead: Client;
  let reviewer: Client;
  let finance: Client;
  let projectId: string;
  const sheet = () => `/api/projects/${projectId}/target-sheet`;

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = (await admin.post('/api/organizations', { name: '曲靖市乡村振兴局', kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市乡村振兴局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'xczx.lead', password: 'Rural@2026x', displayName: '乡村振兴局项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'xczx.reviewer', password: 'Rural@2026x', displayName: '乡村振兴局审核人', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('xczx.lead', 'Rural@2026x');
    reviewer = await new Client(running.url).as('xczx.reviewer', 'Rural@2026x');
    finance = await new Client(running.url).as('finance');
    projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: '森林防火巡查经费', funds: { total: '50000.00', currentYearAppropriation: '50000.00', carryOver: '0', other: '0' } })).body.id;
  });
  afterAll(() => running.close());

  it('answers every indicator with an id, the optional fields empty, and what the chain lets each user do', async () => {
    const saved = await lead.request('PUT', sheet(), { version: 0, indicators: rows });
    expect(saved.status).toBe(200);
    expect(saved.body.indicators.every((r: { id: string }) => /^[0-9a-f-]{36}$/.test(r.id))).toBe(true);
    expect(saved.body.indicators[0]).toMatchObject({ content: '', basis: '', lastYearActual: null, scoringRule: '', evidence: '' });
    expect(saved.body.actions).toEqual(['save', 'import', 'submit']);
    expect((await reviewer.get(sheet())).body.actions).toEqual([]);
  });

  it('keeps a row comment on its indicator through a reorder, an edit, a resubmission and an adjustment', async () => {
    await lead.post(`${sheet()}/submit`, {});
    const submitted = (await reviewer.get(sheet())).body;
    expect(submitted.actions).toEqual(['save', 'approve', 'return']);
    const target = submitted.indicators[2];
    const returned = await reviewer.post(`${sheet()}/return`, { version: submitted.version, reviewGrade: '中', comment: '效益指标请细化', rowComments: [{ indicatorId: target.id, message: '隐患发现率的口径请写明' }] });
    expect(returned.status).toBe(200);

    // the lead moves the commented row to the top and changes another one
    const [a, b, c, d] = returned.body.indicators;
    const reordered = await lead.request('PUT', sheet(), { version: returned.body.version, indicators: [c, a, { ...b, value: '98' }, d] });
    expect(reordered.body.indicators.map((r: { id: string }) => r.id)).toEqual([c.id, a.id, b.id, d.id]);
    expect(reordered.body.sinceReturn.rowComments).toEqual([{ indicatorId: target.id, row: 1, message: '隐患发现率的口径请写明', resolved: false }]);
    expect(reordered.body.sinceReturn.changes).toEqual([expect.objectContaining({ change: 'changed', indicatorId: b.id, name: '问题整改率' })]);

    // answering the comment on that indicator resolves it
    const answered = await lead.request('PUT', sheet(), { version: reordered.body.version, indicators: [{ ...c, content: '发现隐患数 ÷ 巡查点位数 × 100%' }, a, { ...b, value: '98' }, d] });
    expect(answered.body.sinceReturn.rowComments).toEqual([{ indicatorId: target.id, row: 1, message: '隐患发现率的口径请写明', resolved: true }]);

    await lead.post(`${sheet()}/submit`, {});
    const again = (await reviewer.get(sheet())).body;
    expect(again.sinceReturn.rowComments).toEqual([expect.objectContaining({ indicatorId: target.id, resolved: true })]);
    expect((await reviewer.post(`${sheet()}/approve`, { reviewGrade: '优' })).status).toBe(200);
    expect((await finance.post(`${sheet()}/approve`, { reviewGrade: '优' })).body).toMatchObject({ status: 'approved', sinceReturn: null });

    // an adjustment keeps the ids of the rows it keeps: they are the ids of the version in force
    const adjusting = await lead.post(`${sheet()}/adjust`, {});
    expect(adjusting.body.indicators.map((r: { id: string }) => r.id)).toEqual([c.id, a.id, b.id, d.id]);
    const history = (await lead.get(`${sheet()}/versions`)).body as { action: string; rowComments: { indicatorId: string }[] | null }[];
    expect(history.find((v) => v.action === 'return')?.rowComments).toEqual([{ indicatorId: target.id, row: 3, message: '隐患发现率的口径请写明' }]);
    const compare = (await lead.get(`${sheet()}/versions/compare?from=1&to=${history.length}`)).body.changes;
    expect(compare.map((x: { indicatorId: string; change: string }) => [x.indicatorId, x.change])).toEqual([
      [c.id, 'changed'],
      [b.id, 'changed'],
    ]);
  });

  it('refuses a row comment on an indicator that is not on the sheet, and an indicator id of another sheet', async () => {
    const other = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: (await lead.get('/api/me')).body.organizationId, name: '林业有害生物防治经费', funds: { total: '1.00', currentYearAppropriation: '1.00', carryOver: '0', other: '0' } })).body.id;
    const current = (await lead.get(sheet())).body;
    const foreign = await lead.request('PUT', `/api/projects/${other}/target-sheet`, { version: 0, indicators: [current.indicators[0]] });
    expect([foreign.status, foreign.body.errors]).toEqual([400, [{ row: 1, field: 'id', message: '第 1 行：指标编号不属于本表，可能已被删除，请刷新后重试' }]]);
    const twice = await lead.request('PUT', sheet(), { version: current.version, indicators: [current.indicators[0], current.indicators[0]] });
    expect(twice.body.errors).toEqual([{ row: 2, field: 'id', message: '第 2 行：与前面的行是同一条指标（编号重复）' }]);
    await lead.post(`${sheet()}/submit`, {});
    const stray = await reviewer.post(`${sheet()}/return`, { reviewGrade: '中', comment: '请修改', rowComments: [{ indicatorId: '00000000-0000-4000-8000-000000000000', message: '?' }] });
    expect([stray.status, stray.body.message]).toEqual([400, '行意见所指的指标不在本表中，请刷新后重试']);
    const far = await reviewer.post(`${sheet()}/return`, { reviewGrade: '中', comment: '请修改', rowComments: [{ row: 9, message: '?' }] });
    expect(far.body.message).toBe('行意见所指的第 9 行不存在（本表共 4 行）');
    expect((await reviewer.get(sheet())).body.status).toBe('submitted');
  });

  it('runs department targets on the same chain: one of two simultaneous approvals wins, and the other gets 409', async () => {
    const me = (await reviewer.get('/api/me')).body.organizationId;
    const path = `/api/departments/${me}/overall-target/2026`;
    const target = {
      version: 0,
      duties: ['森林防火'],
      tasks: [{ name: '巡查', content: '全年巡查' }],
      budget: { total: '100.00', basic: '0.00', project: '100.00', appropriation: '100.00', carryOver: '0.00', other: '0.00' },
      indicators: [row('产出指标', '数量指标', '巡查次数', '12', '次', '0'), row('效益指标', '社会效益指标', '火灾受害率', '1', '‰', '0')].map((r) => ({ ...r, comparator: '≤', weight: null })),
    };
    expect((await reviewer.request('PUT', path, target)).status).toBe(200);
    expect((await reviewer.post(`${path}/submit`, {})).body.actions).toEqual([]);
    const replies = await Promise.all([finance.post(`${path}/approve`, {}), finance.post(`${path}/approve`, {})]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await finance.get(`${path}/versions`)).body.map((v: { action: string }) => v.action)).toEqual(['submit', 'approve']);
  });
});
