import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client, DEMO_PASSWORD } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';
import { ResultsPage, SettingsPage } from './pages/settings.page';

/** Its own year: 2026–2030 belong to other suites, and test/api/projects.e2e.ts needs 2031 not to exist. */
const YEAR = 2032;
const PASSWORD = 'Traffic@2032x';
const PROFILE = '线性反向方案（交通 2032）';
/** 公路养护检查经费 (stays a draft) and 农村客运站安全检查经费 (submitted): 95 % and 90 % executed. */
const EXECUTED = ['855000', '810000'];
const TOTALS = ['95.75', '95.25'];
/** 良 on the dashboard. */
const GRADE_BLUE: [number, number, number] = [22, 119, 255];
const row = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, weight: string) => ({ level1, level2, name, comparator, value, unit, kind: '定量', weight });
/** A 反向 row where the ratio rule (15 × 90 ÷ 120 = 11.25) and the linear rule (15 × (1 − 30 ÷ 90) = 10.00) differ. */
const SHEET = [
  row('产出指标', '数量指标', '检查次数', '≥', '40', '次', '35'),
  row('产出指标', '成本指标', '检查成本', '≤', '90', '万元', '15'),
  row('效益指标', '社会效益指标', '隐患整改率', '≥', '95', '%', '30'),
  row('满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '10'),
];

/**
 * Finance keeps a scoring profile checked as she types, tries it on a year without changing anything,
 * chooses it for the year and rescores the drafts; the results dashboard draws the year.
 */
describe('scoring parameters and year-end results in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let finance: Client;
  let defaultName: string;
  const evaluations: string[] = [];
  /** Errors in the page (a missing provider, a chart that fails to load) fail the suite. */
  const pageErrors: string[] = [];

  /** The whole page: the shell scrolls inside its content, so the window grows to the content's height first. */
  const shot = async (name: string) => {
    await page.waitForTimeout(500);
    const height = await page.evaluate(() => (document.querySelector('nz-content')?.scrollHeight ?? 0) + 56);
    await page.setViewportSize({ width: 1440, height: Math.max(1000, height) });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
  };
  async function signInAs(username: string, password: string): Promise<void> {
    await page.context().clearCookies();
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, password, '/projects');
  }
  const read = (id: string) => finance.get(`/api/self-evaluations/${id}`).then((r) => r.body);

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    finance = await new Client(running.url).as('finance');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = (await admin.post('/api/organizations', { name: '曲靖市体育局', kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市体育局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'tyj.lead', password: PASSWORD, displayName: '交通局项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'tyj.reviewer', password: PASSWORD, displayName: '交通局财务审核', role: 'department_reviewer', organizationId: department });
    const lead = await new Client(running.url).as('tyj.lead', PASSWORD);
    const reviewer = await new Client(running.url).as('tyj.reviewer', PASSWORD);
    expect((await admin.post('/api/fiscal-years', { year: YEAR })).status).toBe(201);
    for (const name of ['公路养护检查经费', '农村客运站安全检查经费']) {
      const id = (await lead.post('/api/projects', { fiscalYear: YEAR, unitId: unit, name, funds: { total: '900000.00', currentYearAppropriation: '900000.00', carryOver: '0', other: '0' } })).body.id;
      expect((await lead.request('PUT', `/api/projects/${id}/target-sheet`, { version: 0, indicators: SHEET })).status).toBe(200);
      await lead.post(`/api/projects/${id}/target-sheet/submit`, {});
      await reviewer.post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' });
      expect((await finance.post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' })).status).toBe(200);
    }
    expect((await finance.post('/api/self-evaluation-rounds', { fiscalYear: YEAR, deadline: `${YEAR + 1}-03-31` })).body.evaluations).toBe(2);
    const listed = (await lead.get(`/api/self-evaluations?fiscalYear=${YEAR}`)).body.items as { id: string; projectName: string }[];
    evaluations.push(...listed.sort((a, b) => a.projectName.localeCompare(b.projectName, 'zh')).map((e) => e.id));
    // 检查成本 120 against ≤ 90: 11.25 by the ratio rule; executed 95 % and 90 % of the budget:
    // totals 9.50 + 35 + 11.25 + 30 + 10 = 95.75 and 9.00 + … = 95.25
    for (const [n, id] of evaluations.entries()) {
      const evaluation = (await lead.get(`/api/self-evaluations/${id}`)).body;
      const actuals = ['40', '120', '96', '92'];
      const saved = await lead.request('PUT', `/api/self-evaluations/${id}`, {
        version: evaluation.version,
        budget: { executed: EXECUTED[n], adjustment: '0' },
        goalActual: '完成年度检查任务',
        indicators: evaluation.indicators.map((r: { indicatorId: string }, n: number) => ({ indicatorId: r.indicatorId, actual: actuals[n], deviationNote: n === 1 ? '检查路段增加，成本超出预算，下年细化测算' : '' })),
      });
      expect(saved.body).toMatchObject({ total: TOTALS[n], grade: '优' });
    }
    // the second is submitted: rescoring keeps it
    expect((await lead.post(`/api/self-evaluations/${evaluations[1]}/submit`, {})).status).toBe(200);
    defaultName = ((await finance.get('/api/settings-profiles')).body as { isDefault: boolean; profile: { name: string } }[]).find((p) => p.isDefault)?.profile.name ?? '';
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Angular reports its errors on the console; a refused request (the 409 below) is not one
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && pageErrors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('finance keeps a profile with the linear 反向 rule, each problem shown under its field as she types', async () => {
    await signInAs('finance', DEMO_PASSWORD);
    await page.click('ul[nz-menu] >> text=评分参数');
    const settings = new SettingsPage(page);
    await page.waitForSelector('[data-test=profiles-table] [data-test=profile-row]');
    expect(await settings.profileNames()).toEqual(expect.arrayContaining([expect.stringContaining(defaultName)]));
    expect(await settings.yearsOf(defaultName)).toContain(String(YEAR));

    await settings.newProfile();
    expect(await settings.problemsOf('name')).toEqual(['请填写方案名称']);
    expect(await settings.field('overshootThreshold').inputValue()).toBe('120');
    await settings.fill('name', defaultName);
    await settings.fill('gradeBands.优', '80');
    await settings.fill('gradeBands.良', '85');
    expect(await settings.problemsOf('gradeBands')).toEqual(['等级分数线应为 优 > 良 > 中']);
    expect(await settings.problemsOf('name')).toEqual([]);
    expect(await settings.problemSummary()).toContain('还有 1 处需要修改');
    expect(await settings.saveDisabled()).toBe(true);
    await shot('settings-1-grade-bands-refused');

    await settings.fill('gradeBands.优', '95');
    await settings.fill('gradeBands.良', '80');
    expect(await settings.problemsOf('gradeBands')).toEqual([]);
    await settings.chooseLinearRule();
    expect(await settings.reverseExample()).toContain('15 × (1 − (120 − 90) ÷ 90) = 10.00');
    expect(await settings.saveDisabled()).toBe(false);
    // the name is the server's to refuse (409), shown under the name
    expect(await settings.saveAsNew('error')).toContain('已有名为');
    expect(await settings.problemsOf('name')).toEqual([`已有名为“${defaultName}”的参数方案，请换一个名称`]);
    await shot('settings-2-duplicate-name');

    await settings.fill('name', PROFILE);
    expect(await settings.saveAsNew('success')).toBe(`已保存参数方案“${PROFILE}”`);
    await page.waitForSelector(`[data-test=profile-row]:has-text("${PROFILE}")`);
    const stored = ((await finance.get('/api/settings-profiles')).body as { profile: { name: string } }[]).find((p) => p.profile.name === PROFILE);
    expect(stored?.profile).toMatchObject({ reverseRule: 'linear', overshootThreshold: '1.2', gradeBands: { 优: '95', 良: '80', 中: '60' } });
  });

  it('runs the what-if for the year: the 反向 row moves 11.25 → 10.00 and nothing is changed', async () => {
    const settings = new SettingsPage(page);
    const before = await Promise.all(evaluations.map(read));
    expect(before.map((e) => e.indicators[1].score)).toEqual(['11.25', '11.25']);

    await settings.runWhatIf(PROFILE, YEAR);
    expect(await settings.whatIfNote()).toContain(`试算未修改任何数据。以下是 ${YEAR} 年度 2 张自评表`);
    expect(await settings.whatIfSummary()).toContain('变动 2 项，涉及 2 张自评表，其中 2 张等级变化');
    // under 优 ≥ 95 both fall to 良
    const rows = (await settings.whatIfRows()).sort((a, b) => a.text.localeCompare(b.text, 'zh'));
    expect(rows.map((r) => r.text)).toEqual([
      expect.stringMatching(/^公路养护检查经费 检查成本 产出指标 \/ 成本指标 11\.25 → 10\.00 95\.75 → 94\.50 优 → 良 ?等级变化$/),
      expect.stringMatching(/^农村客运站安全检查经费 检查成本 产出指标 \/ 成本指标 11\.25 → 10\.00 95\.25 → 94\.00 优 → 良 ?等级变化$/),
    ]);
    expect(rows.every((r) => r.gradeMoved)).toBe(true);
    await page.waitForSelector('[data-test=what-if-chart] canvas');
    await shot('settings-3-what-if');

    expect(await Promise.all(evaluations.map(read))).toEqual(before);
  });

  it('chooses the profile for the year and rescores the drafts only, after a confirmation naming both', async () => {
    const settings = new SettingsPage(page);
    expect(await settings.rescoreDisabled()).toBe(true);
    expect(await settings.rescoreHint()).toContain(`须先在“年度参数方案”中将 ${YEAR} 年度的参数方案设为“${PROFILE}”`);

    await settings.chooseForYear(YEAR, PROFILE);
    const year = ((await finance.get('/api/fiscal-years')).body as { year: number; profileId: string }[]).find((y) => y.year === YEAR);
    const profileId = ((await finance.get('/api/settings-profiles')).body as { id: string; profile: { name: string } }[]).find((p) => p.profile.name === PROFILE)?.id;
    expect(year?.profileId).toBe(profileId);
    expect(await settings.yearsOf(PROFILE)).toBe(String(YEAR));
    expect(await settings.rescoreDisabled()).toBe(false);

    const dialog = await settings.askRescore();
    expect(dialog).toContain(`重新计分 ${YEAR} 年度的草稿`);
    expect(dialog).toContain(`将按“${PROFILE}”重新计分 ${YEAR} 年度全部草稿状态的自评表`);
    await shot('settings-4-rescore-confirm');
    expect(await settings.confirmRescore()).toBe(`${YEAR} 年度已重新计分 1 张草稿，保持不变 1 张（已提交或已审核）`);
    await shot('settings-5-rescored');

    const [draft, submitted] = await Promise.all(evaluations.map(read));
    expect(draft).toMatchObject({ status: 'draft', total: '94.50', grade: '良', profile: { name: PROFILE } });
    expect(draft.indicators[1]).toMatchObject({ score: '10.00', explanation: { formula: expect.stringContaining('15 × (1 − (120 − 90) ÷ 90) = 10.00') } });
    expect(submitted).toMatchObject({ status: 'submitted', total: '95.25', grade: '优' });
    expect(submitted.indicators[1].score).toBe('11.25');
  });

  it('opens the year’s results: grades per department, the score distribution and execution against score', async () => {
    const results = await new SettingsPage(page).openResults(YEAR);
    expect(await results.title()).toContain(`${YEAR} 年度绩效自评结果汇总`);
    expect(await results.title()).toContain(`填报截止 ${YEAR + 1}-03-31 · 共 2 张自评表`);
    expect(await results.counts()).toContain('共 2 张 优 1 良 1 中 0 差 0 未填报 0');
    expect(await results.rows()).toHaveLength(2);
    await results.filterGrade('良');
    expect(await results.rows()).toEqual([expect.stringMatching(/^公路养护检查经费 曲靖市体育局（本级） 草稿 94\.50 良/)]);
    await results.filterGrade('全部等级');
    await shot('results-1-finance');
    // the 良 point (95 % executed, 94.50) opens its evaluation
    await results.clickPoint(GRADE_BLUE);
    await page.waitForURL(new RegExp(`/self-evaluation/${evaluations[0]}$`));

    // the department's reviewer sees the same year within the department
    await signInAs('tyj.reviewer', PASSWORD);
    const reviewer = new ResultsPage(page);
    await reviewer.open(running.url, YEAR);
    expect(await reviewer.counts()).toContain('共 2 张 优 1 良 1');
    expect(await page.locator('[data-test=results] a:text("评分参数")').count()).toBe(0);
    await shot('results-2-reviewer');
    expect(pageErrors).toEqual([]);
  });
});
