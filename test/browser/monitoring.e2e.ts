import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';
import { MonitoringPage } from './pages/monitoring.page';

const row = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, weight: string) => ({ level1, level2, name, comparator, value, unit, kind: '定量', weight });
const SHEET = [
  row('产出指标', '数量指标', '巡查次数', '≥', '24', '次', '30'),
  row('产出指标', '成本指标', '巡查成本', '≤', '20', '万元', '20'),
  row('效益指标', '社会效益指标', '隐患整改率', '≥', '95', '%', '30'),
  row('满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '10'),
];

/** A lead files a 监控表 and sees each colour with its arithmetic as they type; finance sees the dashboard. */
describe('monitoring in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let reportId: string;
  let roundId: string;

  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, `monitoring-${name}.png`), fullPage: true });
  };
  async function signInAs(username: string, password: string): Promise<MonitoringPage> {
    await page.context().clearCookies();
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, password, '/projects');
    return new MonitoringPage(page);
  }

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = await new Client(running.url).as('finance');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = (await admin.post('/api/organizations', { name: '曲靖市消防救援支队', kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市消防救援支队（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'xfzd.lead', password: 'Fire@2026x', displayName: '消防支队项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'xfzd.reviewer', password: 'Fire@2026x', displayName: '消防支队审核人', role: 'department_reviewer', organizationId: department });
    const lead = await new Client(running.url).as('xfzd.lead', 'Fire@2026x');
    const reviewer = await new Client(running.url).as('xfzd.reviewer', 'Fire@2026x');
    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: '消防安全巡查经费', funds: { total: '200000.00', currentYearAppropriation: '200000.00', carryOver: '0', other: '0' } })).body.id;
    await lead.request('PUT', `/api/projects/${projectId}/target-sheet`, { version: 0, indicators: SHEET });
    await lead.post(`/api/projects/${projectId}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
    const round = await finance.post('/api/monitoring-rounds', { fiscalYear: 2026, cutoffDate: '2026-09-30', deadline: '2026-10-15', departmentIds: [department] });
    roundId = round.body.id;
    reportId = (await finance.get(`/api/monitoring-rounds/${roundId}/reports`)).body.items[0].id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the lead finds the report in 待办, fills it and sees each colour with its arithmetic', async () => {
    const report = await signInAs('xfzd.lead', 'Fire@2026x');
    await page.click('text=待办');
    await page.click('[data-test=inbox-row]:has-text("监控表待填报") a');
    await page.waitForSelector('[data-test=monitoring-report]');
    await report.setBudget('150000', '200000');
    expect(await report.budgetWarning()).toContain('150,000.00 ÷ (200,000.00 × 9/12) = 100.00% → 绿（≥80%）');
    await report.setRow(1, '9', '24');
    await report.setRow(2, '12', '18');
    await report.setRow(3, '96', '96');
    await report.setRow(4, '92', '92');
    expect(await report.warningOf(1)).toEqual({ colour: '红', formula: '9 ÷ (24 × 9/12) = 50.00% → 红（<60%）' });
    expect(await report.warningOf(2)).toEqual({ colour: '绿', formula: '12 ≤ 20（在限值内）→ 绿' });
    expect(await report.rowChecks()).toEqual(['✖ 红色预警，请选择偏差原因', '✖ 红色预警，请说明偏差原因', '✖ 红色预警，请填写纠偏措施']);
    expect(await report.submitDisabled()).toBe(true);
    await shot('1-red-row-needs-reasons');
    await report.setRow(1, '15', '24');
    expect(await report.warningOf(1)).toEqual({ colour: '绿', formula: '15 ÷ (24 × 9/12) = 83.33% → 绿（80%–120%）' });
    await report.setRow(1, '9', '24', '有可能');
    await report.explain(1, '人员保障', '上半年人员抽调参加汛期保障', '第四季度增派巡查组');
    expect(await report.rowChecks()).toEqual([]);
    await report.save();
    await shot('2-filled');
    await report.submit();
    expect(await report.status()).toBe('待主管部门审核');
  });

  it('the department and finance approve it, and finance sees the round’s dashboard with its charts', async () => {
    let report = await signInAs('xfzd.reviewer', 'Fire@2026x');
    await report.openReport(running.url, reportId);
    await report.review('approve', '同意');
    report = await signInAs('finance', 'Demo@2026');
    await report.openReport(running.url, reportId);
    await report.review('approve', '同意');
    expect(await report.status()).toBe('已审核');
    await report.openRound(running.url, roundId);
    await page.waitForSelector('[data-test=chart-departments] canvas');
    await page.waitForSelector('[data-test=chart-colours] canvas');
    await page.waitForSelector('[data-test=chart-execution] canvas');
    expect(await page.locator('[data-test=colour-counts]').innerText()).toContain('红 1');
    expect(await page.locator('[data-test=round-report-row]').allInnerTexts()).toEqual([expect.stringContaining('消防安全巡查经费')]);
    await shot('3-dashboard');
  });
});
