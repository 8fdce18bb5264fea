import pg from 'pg';
import { Client } from '../support/http';
import { RunningApp, startApp, testDatabaseUrl } from '../support/app';

const row = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, weight: string, kind = '定量', evidence = '') => ({
  level1, level2, name, comparator, value, unit, kind, weight, evidence,
});
/** 产出 50 + 效益 30 + 满意度 10 = 90, with each way of scoring. */
const SHEET = [
  row('产出指标', '数量指标', '调研次数', '≥', '90', '次', '20', '定量', '调研报告'),
  row('产出指标', '质量指标', '问题整改率', '=', '100', '%', '15'),
  row('产出指标', '成本指标', '调研成本', '≤', '90', '万元', '15'),
  row('效益指标', '社会效益指标', '决策参考作用', '定性', '作用明显', '', '30', '定性'),
  row('满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '10'),
];

/** Year-end self-evaluation (SPEC §6, §12): a round, scores with their arithmetic, tiers, notes, overrides, the chain. */
describe('self-evaluation and scoring', () => {
  let running: RunningApp;
  let lead: Client;
  let reviewer: Client;
  let finance: Client;
  let admin: Client;
  let projectId: string;
  let evaluationId: string;
  let ids: string[];
  const evaluation = () => `/api/self-evaluations/${evaluationId}`;
  const fill = (version: number, over: Record<number, Record<string, unknown>> = {}, budget = { executed: '1000000', adjustment: '0' }) =>
    lead.request('PUT', evaluation(), {
      version,
      budget,
      goalActual: '全面完成年度调研任务',
      indicators: [
        { indicatorId: ids[0], actual: '85' },
        { indicatorId: ids[1], actual: '100' },
        { indicatorId: ids[2], actual: '100' },
        { indicatorId: ids[3], actual: '为市政府决策提供参考 12 次', tier: '达成年度指标', score: '27' },
        { indicatorId: ids[4], actual: '95' },
      ].map((r, i) => ({ ...r, ...(over[i] ?? {}) })),
    });

  beforeAll(async () => {
    running = await startApp();
    admin = await new Client(running.url).as('admin');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = (await admin.post('/api/organizations', { name: '曲靖市生态环境局', kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市生态环境局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'sthj.lead', password: 'Green@2026x', displayName: '生态环境局项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'sthj.reviewer', password: 'Green@2026x', displayName: '生态环境局审核人', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('sthj.lead', 'Green@2026x');
    reviewer = await new Client(running.url).as('sthj.reviewer', 'Green@2026x');
    finance = await new Client(running.url).as('finance');
    projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: '大气污染防治调研经费', funds: { total: '1000000.00', currentYearAppropriation: '1000000.00', carryOver: '0', other: '0' } })).body.id;
    expect((await lead.request('PUT', `/api/projects/${projectId}/target-sheet`, { version: 0, indicators: SHEET })).status).toBe(200);
    await lead.post(`/api/projects/${projectId}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
  });
  afterAll(() => running.close());

  it('lets finance open the year-end self-evaluation: one 自评表 per approved project in its lead’s 待办, prefilled from the version in force', async () => {
    expect((await lead.post('/api/self-evaluation-rounds', { fiscalYear: 2026, deadline: '2027-03-31' })).status).toBe(403);
    const opened = await finance.post('/api/self-evaluation-rounds', { fiscalYear: 2026, deadline: '2027-03-31' });
    expect(opened.status).toBe(201);
    expect(opened.body.evaluations).toBeGreaterThanOrEqual(1);
    const item = (await lead.get('/api/inbox?pageSize=500')).body.items.find((i: { kind: string; projectId: string }) => i.kind === 'self_evaluation' && i.projectId === projectId);
    expect(item).toMatchObject({ reason: '自评表待填报', deadline: expect.any(String) });
    evaluationId = item.selfEvaluationId;
    const read = (await lead.get(evaluation())).body;
    const sheet = (await lead.get(`/api/projects/${projectId}/target-sheet`)).body;
    ids = read.indicators.map((r: { indicatorId: string }) => r.indicatorId);
    expect(ids).toEqual(sheet.indicators.map((r: { id: string }) => r.id));
    expect(read).toMatchObject({ version: 0, status: 'draft', fiscalYear: 2026, budget: { initial: '1000000.00', weight: '10' }, profile: { name: expect.stringContaining('默认') } });
    expect(read.indicators.map((r: { weight: string; scoringMethod: string }) => `${r.weight}:${r.scoringMethod}`)).toEqual(['20.00:ratio', '15.00:ratio', '15.00:ratio', '30.00:tier', '10.00:ratio']);
    expect(read.indicators[3].tierRanges.map((t: { words: string }) => t.words)).toEqual(['24.00–30.00', '18.00–24.00（不含 24.00）', '0.00–18.00（不含 18.00）']);
    expect(read.actions).toEqual(['save', 'import', 'submit']);
    expect((await (await new Client(running.url).as('zfb.reviewer')).get(evaluation())).status).toBe(404);
  });

  it('scores every row with its arithmetic on save, and the total and grade by the profile', async () => {
    const saved = await fill(0);
    expect(saved.status).toBe(200);
    const [count, rate, cost, effect, satisfaction] = saved.body.indicators;
    expect(count).toMatchObject({ score: '18.89', computedScore: '18.89', needsDeviationNote: true, explanation: { formula: '20 × 85 ÷ 90 = 18.89', rule: '正向指标：分值 × 实际完成值 ÷ 指标值' } });
    expect(rate).toMatchObject({ score: '15.00', explanation: { formula: '100 ≥ 100 → 15.00' } });
    expect(cost).toMatchObject({ score: '13.50', explanation: { formula: '15 × 90 ÷ 100 = 13.50' } });
    expect(effect).toMatchObject({ score: '27.00', explanation: { formula: '达成年度指标（24.00–30.00）：评定 27.00' } });
    expect(satisfaction.score).toBe('10.00');
    expect(saved.body.budget).toMatchObject({ annual: '1000000.00', executed: '1000000.00', rate: '100.00', score: '10.00', explanation: { formula: '10 × min(1,000,000.00 ÷ 1,000,000.00, 100%) = 10.00' } });
    expect([saved.body.total, saved.body.grade, saved.body.gradeExplanation.formula]).toEqual(['94.39', '优', '94.39 ≥ 90 → 优']);
    expect((await finance.get(`/api/self-evaluations?fiscalYear=2026&projectId=${projectId}`)).body.items).toEqual([expect.objectContaining({ id: evaluationId, total: '94.39', grade: '优' })]);
  });

  it('refuses a tier score outside its tier, naming the allowed range, and values of the wrong form, with their rows', async () => {
    const version = (await lead.get(evaluation())).body.version;
    const outside = await fill(version, { 3: { tier: '部分达成年度指标并具有一定效果', score: '24' } });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([{ row: 4, field: 'score', message: '第 4 行“决策参考作用”：得分 24 不在“部分达成年度指标并具有一定效果”的范围 18.00–24.00（不含 24.00）内' }]);
    const wrong = await fill(version, { 0: { actual: '八十五' } });
    expect(wrong.body.errors).toEqual([{ row: 1, field: 'actual', message: '第 1 行“调研次数”：实际完成值“八十五”不是数字' }]);
    expect((await fill(version - 1)).status).toBe(409);
  });

  it('cannot be submitted while a required 偏差原因分析及改进措施 is empty', async () => {
    const refused = await lead.post(`${evaluation()}/submit`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['1:deviationNote', '3:deviationNote']);
    const version = (await lead.get(evaluation())).body.version;
    const explained = await fill(version, { 0: { deviationNote: '两次调研因汛期延期至下年' }, 2: { deviationNote: '差旅标准上调，下年压减会务开支' } });
    expect(explained.body.checks.filter((c: { severity: string }) => c.severity === 'blocking')).toEqual([]);
    expect((await lead.post(`${evaluation()}/submit`, {})).body.status).toBe('submitted');
  });

  it('lets the reviewer whose turn it is override one score with a reason, keeping the computed one beside it', async () => {
    expect((await lead.post(`${evaluation()}/overrides`, { indicatorId: ids[3], score: '24', reason: '自评偏高' })).status).toBe(403);
    expect((await reviewer.post(`${evaluation()}/overrides`, { indicatorId: ids[3], score: '24', reason: ' ' })).body.message).toBe('请写明调整得分的理由');
    expect((await reviewer.post(`${evaluation()}/overrides`, { indicatorId: ids[3], score: '31', reason: '超过分值' })).body.message).toBe('调整后的得分应在 0–30.00 之间');
    expect((await finance.post(`${evaluation()}/overrides`, { indicatorId: ids[3], score: '24', reason: '尚未轮到财政' })).status).toBe(403);
    const overridden = await reviewer.post(`${evaluation()}/overrides`, { indicatorId: ids[3], score: '24', reason: '佐证材料仅能证明 10 次参考，按部分完成计' });
    expect(overridden.status).toBe(200);
    expect(overridden.body.indicators[3]).toMatchObject({ score: '24.00', computedScore: '27.00', override: { score: '24.00', reason: '佐证材料仅能证明 10 次参考，按部分完成计', by: '生态环境局审核人' } });
    expect([overridden.body.total, overridden.body.grade]).toEqual(['91.39', '优']);
    const versions = (await reviewer.get(`${evaluation()}/versions`)).body;
    expect(versions.at(-1)).toMatchObject({ action: 'override', comment: '第 4 行“决策参考作用”得分由 27.00 调整为 24.00。理由：佐证材料仅能证明 10 次参考，按部分完成计' });
    const log = (await reviewer.get(`/api/audit?entity=self_evaluation&entityId=${evaluationId}`)).body.items;
    expect(log).toContainEqual(expect.objectContaining({ action: 'override', oldValue: '27.00', newValue: '24.00（佐证材料仅能证明 10 次参考，按部分完成计）' }));
  });

  it('runs the chain to finance, one of two simultaneous approvals wins, and the approved actuals become next year’s 上年完成值', async () => {
    expect((await reviewer.post(`${evaluation()}/approve`, {})).body.status).toBe('department_approved');
    const other = await admin.post('/api/users', { username: 'finance.se', password: 'Finance@2026x', displayName: '财政局自评审核', role: 'finance_reviewer', organizationId: (await finance.get('/api/me')).body.organizationId });
    expect(other.status).toBe(201);
    const second = await new Client(running.url).as('finance.se', 'Finance@2026x');
    const replies = await Promise.all([finance.post(`${evaluation()}/approve`, {}), second.post(`${evaluation()}/approve`, {})]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const results = await db.query('SELECT name, actual::text AS actual, indicator_id FROM indicator_results WHERE project_id = $1 ORDER BY name', [projectId]);
      expect(results.rows.map((r) => [r.name, r.actual])).toEqual(expect.arrayContaining([['调研次数', '85.0000'], ['群众满意度', '95.0000'], ['决策参考作用', null]]));
      expect(results.rows.every((r) => ids.includes(r.indicator_id))).toBe(true);
    } finally {
      await db.end();
    }
  });
});
