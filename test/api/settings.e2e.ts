import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const YEAR = 2029;
const row = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, weight: string) => ({ level1, level2, name, comparator, value, unit, kind: '定量', weight });
/** A 反向 row where the ratio rule (15 × 90 ÷ 120 = 11.25) and the linear rule (15 × (1 − 30 ÷ 90) = 10.00) differ. */
const SHEET = [
  row('产出指标', '数量指标', '检查次数', '≥', '40', '次', '35'),
  row('产出指标', '成本指标', '检查成本', '≤', '90', '万元', '15'),
  row('效益指标', '社会效益指标', '隐患整改率', '≥', '95', '%', '30'),
  row('满意度指标', '服务对象满意度指标', '企业满意度', '≥', '90', '%', '10'),
];

/** Settings profiles (SPEC §8, §12): finance keeps them, a year chooses one, what-if changes nothing, rescoring is explicit. */
describe('settings profiles and what-if', () => {
  let running: RunningApp;
  let admin: Client;
  let finance: Client;
  let lead: Client;
  let reviewer: Client;
  let department: string;
  let profileId: string;
  const evaluations: string[] = [];

  async function approvedProject(unit: string, name: string): Promise<string> {
    const id = (await lead.post('/api/projects', { fiscalYear: YEAR, unitId: unit, name, funds: { total: '900000.00', currentYearAppropriation: '900000.00', carryOver: '0', other: '0' } })).body.id;
    expect((await lead.request('PUT', `/api/projects/${id}/target-sheet`, { version: 0, indicators: SHEET })).status).toBe(200);
    await lead.post(`/api/projects/${id}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' });
    expect((await finance.post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' })).status).toBe(200);
    return id;
  }
  async function fill(id: string): Promise<void> {
    const read = (await lead.get(`/api/self-evaluations/${id}`)).body;
    const actuals = ['40', '120', '96', '92'];
    const saved = await lead.request('PUT', `/api/self-evaluations/${id}`, {
      version: read.version,
      budget: { executed: '855000', adjustment: '0' },
      goalActual: '完成年度检查任务',
      indicators: read.indicators.map((r: { indicatorId: string }, n: number) => ({ indicatorId: r.indicatorId, actual: actuals[n], deviationNote: n === 1 ? '检查范围扩大，成本超出预算，明年改进计划编制' : '' })),
    });
    expect(saved.status).toBe(200);
  }

  beforeAll(async () => {
    running = await startApp();
    admin = await new Client(running.url).as('admin');
    finance = await new Client(running.url).as('finance');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    department = (await admin.post('/api/organizations', { name: '曲靖市市场监督管理局', kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市市场监督管理局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'scjg.lead', password: 'Market@2029x', displayName: '市场监管局项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'scjg.reviewer', password: 'Market@2029x', displayName: '市场监管局审核人', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('scjg.lead', 'Market@2029x');
    reviewer = await new Client(running.url).as('scjg.reviewer', 'Market@2029x');
    expect((await admin.post('/api/fiscal-years', { year: YEAR })).status).toBe(201);
    await approvedProject(unit, '食品安全抽检经费');
    await approvedProject(unit, '特种设备检查经费');
    expect((await finance.post('/api/self-evaluation-rounds', { fiscalYear: YEAR, deadline: `${YEAR + 1}-03-31` })).body.evaluations).toBe(2);
    const listed = (await lead.get(`/api/self-evaluations?fiscalYear=${YEAR}`)).body.items;
    evaluations.push(...listed.map((e: { id: string }) => e.id));
    for (const id of evaluations) await fill(id);
    expect((await lead.post(`/api/self-evaluations/${evaluations[1]}/submit`, {})).status).toBe(200);
  });
  afterAll(() => running.close());

  it('lets finance keep a profile, checked whole with each problem tied to its field; others may not', async () => {
    const [base] = (await finance.get('/api/settings-profiles')).body;
    const bad = await finance.post('/api/settings-profiles', { profile: { ...base.profile, name: '线性反向方案', gradeBands: { 优: '80', 良: '85', 中: '60' }, budgetWeight: '15' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([
      { field: 'profile.gradeBands', message: '等级分数线应为 优 > 良 > 中' },
      { field: 'profile.budgetWeight', message: '指标分值合计 90 与预算执行率分值 15 之和应为 100' },
    ]));
    expect((await finance.post('/api/settings-profiles', { profile: 'linear' })).body.message).toBe('请提交参数方案');
    const created = await finance.post('/api/settings-profiles', { profile: { ...base.profile, name: '线性反向方案', reverseRule: 'linear', overshootThreshold: '1.3', unknownKey: 1 } });
    expect(created.status).toBe(201);
    expect(created.body.profile).toMatchObject({ name: '线性反向方案', reverseRule: 'linear', overshootThreshold: '1.3' });
    expect(created.body.profile.unknownKey).toBeUndefined();
    profileId = created.body.id;
    expect((await finance.post('/api/settings-profiles', { profile: { ...base.profile, name: '线性反向方案' } })).status).toBe(409);
    for (const other of [admin, lead, reviewer]) expect((await other.post('/api/settings-profiles', { profile: { ...base.profile, name: '不应创建' } })).status).toBe(403);

    const changed = await finance.request('PUT', `/api/settings-profiles/${profileId}`, { profile: { ...created.body.profile, gradeBands: { 优: '95', 良: '80', 中: '60' } } });
    expect(changed.body.profile.gradeBands.优).toBe('95');
    const audit = (await finance.get(`/api/audit?entity=settings_profile&entityId=${profileId}`)).body.items;
    expect(audit.map((a: { action: string; field: string }) => `${a.action}:${a.field}`)).toEqual(expect.arrayContaining(['create:参数方案', 'update:gradeBands']));
  });

  it('answers a what-if that lists every score, total and grade another profile would move, and changes nothing', async () => {
    const before = await Promise.all(evaluations.map(async (id) => (await finance.get(`/api/self-evaluations/${id}`)).body));
    expect(before[0].indicators[1]).toMatchObject({ score: '11.25', explanation: { formula: expect.stringContaining('15 × 90 ÷ 120 = 11.25') } });
    const answer = await finance.post(`/api/settings-profiles/${profileId}/what-if`, { fiscalYear: YEAR });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ fiscalYear: YEAR, evaluations: 2 });
    const moved = answer.body.changes.filter((c: { selfEvaluationId: string; indicatorId?: string }) => c.selfEvaluationId === evaluations[0] && c.indicatorId === before[0].indicators[1].indicatorId);
    expect(moved).toEqual([{ selfEvaluationId: evaluations[0], projectName: before[0].projectName, indicatorId: before[0].indicators[1].indicatorId, indicator: { level1: '产出指标', level2: '成本指标', name: '检查成本' }, from: { score: '11.25', total: before[0].total, grade: before[0].grade }, to: { score: '10.00', total: expect.any(String), grade: expect.any(String) } }]);
    // approved and submitted alike: the submitted one moves too
    expect(answer.body.changes.some((c: { selfEvaluationId: string }) => c.selfEvaluationId === evaluations[1])).toBe(true);
    expect(Object.values(answer.body.grades.from).reduce((a: number, b) => a + (b as number), 0)).toBe(2);
    const after = await Promise.all(evaluations.map(async (id) => (await finance.get(`/api/self-evaluations/${id}`)).body));
    expect(after).toEqual(before);
    expect((await lead.post(`/api/settings-profiles/${profileId}/what-if`, { fiscalYear: YEAR })).status).toBe(403);
    expect((await finance.post(`/api/settings-profiles/${profileId}/what-if`, { fiscalYear: '二〇二九' })).status).toBe(400);
  });

  it('lets finance choose the year’s profile (audited) and rescore the drafts only, each audited', async () => {
    expect((await finance.post(`/api/settings-profiles/${profileId}/rescore`, { fiscalYear: YEAR })).body.message).toContain('不是 2029 年度采用的参数方案');
    expect((await finance.patch(`/api/fiscal-years/${YEAR}`, { status: 'closed' })).status).toBe(403);
    expect((await lead.patch(`/api/fiscal-years/${YEAR}`, { profileId })).status).toBe(403);
    expect((await finance.patch(`/api/fiscal-years/${YEAR}`, { profileId })).body).toMatchObject({ year: YEAR, profileId });
    const chosen = (await admin.get('/api/audit?entity=fiscal_year')).body.items.find((a: { field: string }) => a.field === `${YEAR} 年度 参数方案`);
    expect(chosen).toMatchObject({ newValue: profileId });

    const draftBefore = (await finance.get(`/api/self-evaluations/${evaluations[0]}`)).body;
    const submittedBefore = (await finance.get(`/api/self-evaluations/${evaluations[1]}`)).body;
    const rescored = await finance.post(`/api/settings-profiles/${profileId}/rescore`, { fiscalYear: YEAR });
    expect(rescored.body).toEqual({ fiscalYear: YEAR, rescored: 1, kept: 1 });
    const draft = (await finance.get(`/api/self-evaluations/${evaluations[0]}`)).body;
    expect(draft).toMatchObject({ version: draftBefore.version + 1, profile: { id: profileId, name: '线性反向方案' } });
    expect(draft.indicators[1]).toMatchObject({ score: '10.00', explanation: { formula: expect.stringContaining('15 × (1 − (120 − 90) ÷ 90) = 10.00') } });
    expect((await finance.get(`/api/self-evaluations/${evaluations[1]}`)).body).toEqual(submittedBefore);
    const audit = (await finance.get(`/api/audit?entity=self_evaluation&entityId=${evaluations[0]}`)).body.items;
    expect(audit.find((a: { action: string }) => a.action === 'rescore')).toMatchObject({ oldValue: `${draftBefore.total}（${draftBefore.grade}）`, newValue: expect.stringContaining('线性反向方案') });
    // the lead's stale copy is refused rather than silently overwriting the rescored draft
    expect((await lead.request('PUT', `/api/self-evaluations/${evaluations[0]}`, { version: draftBefore.version, budget: { executed: '855000', adjustment: '0' }, indicators: [] })).status).toBe(409);
  });

  it('summarises the year for finance: grades per department, the score distribution, execution against score', async () => {
    const summary = (await finance.get(`/api/self-evaluations/summary?fiscalYear=${YEAR}`)).body;
    expect(summary).toMatchObject({ fiscalYear: YEAR, evaluations: 2 });
    const mine = summary.byDepartment.find((d: { departmentId: string }) => d.departmentId === department);
    expect(Object.values(mine.grades).reduce((a: number, b) => a + (b as number), 0) + mine.unfiled).toBe(2);
    expect(summary.distribution.map((d: { from: number }) => d.from)).toEqual([0, 60, 70, 80, 90]);
    expect(summary.distribution.reduce((a: number, d: { count: number }) => a + d.count, 0)).toBe(2);
    expect(summary.points).toHaveLength(2);
    expect(summary.flagged).toBe(mine.flagged);
    expect((await finance.get(`/api/self-evaluations?fiscalYear=${YEAR}&departmentId=${department}`)).body.total).toBe(2);
    expect((await finance.get(`/api/self-evaluations?fiscalYear=${YEAR}&departmentId=${department}&unfiled=true`)).body.total).toBe(0);
    expect((await finance.get(`/api/self-evaluations?fiscalYear=${YEAR}&departmentId=not-a-uuid`)).status).toBe(400);
    expect(summary.points[0]).toMatchObject({ rate: '95.00', total: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect((await reviewer.get(`/api/self-evaluations/summary?fiscalYear=${YEAR}`)).body.evaluations).toBe(2);
    expect((await (await new Client(running.url).as('zfb.reviewer')).get(`/api/self-evaluations/summary?fiscalYear=${YEAR}`)).body.evaluations).toBe(0);
  });
});
