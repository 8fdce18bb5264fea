import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { DepartmentTargetPage } from './pages/department-target.page';
import { LoginPage } from './pages/login.page';

const DEPARTMENT = '曲靖市林业和草原局';
const PROJECT_UNIT = '曲靖市森林防火指挥中心';
const PROJECT = '森林防火专项经费';
/** The department's indicators as copied from its spreadsheet, without a 满意度 row at first. */
const INDICATORS = [
  ['产出指标', '数量指标', '森林防火巡查次数', '>=', '120', '次', '定量指标'],
  ['产出指标', '质量指标', '森林覆盖率', '', '≥53%', '', ''],
  ['效益指标', '生态效益', '森林火灾受害率', '<=', '0.9', '‰', '定量指标'],
]
  .map((cells) => cells.join('\t'))
  .join('\n');

describe('the department overall target in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `department-${name}.png`), fullPage: true });
  };

  async function signInAs(username: string, password: string): Promise<DepartmentTargetPage> {
    await page.context().clearCookies();
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, password, '/projects');
    return new DepartmentTargetPage(page);
  }

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: DEPARTMENT, kind: 'department', parentId: finance?.id });
    await admin.post('/api/users', { username: 'lcj.reviewer', password: 'Forest@2026', displayName: '林草局财务审核', role: 'department_reviewer', organizationId: department.body.id });
    // a unit of the department with a project, whose sheet the department's page links to
    const unit = await admin.post('/api/organizations', { name: PROJECT_UNIT, kind: 'unit', parentId: department.body.id });
    await admin.post('/api/users', { username: 'lcj.fire.lead', password: 'Forest@2026', displayName: '防火站项目负责人', role: 'project_lead', organizationId: unit.body.id });
    const lead = await new Client(running.url).as('lcj.fire.lead', 'Forest@2026');
    const funds = { total: '500000.00', currentYearAppropriation: '500000.00', carryOver: '0.00', other: '0.00' };
    expect((await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit.body.id, name: PROJECT, funds })).status).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the department fills in duties, tasks, budget and indicators, sees the checks and submits', async () => {
    const target = await signInAs('lcj.reviewer', 'Forest@2026');
    await target.openList(2026);
    expect(await page.locator('[data-test=department-target-row]').allInnerTexts()).toEqual([expect.stringContaining('未填报')]);
    await page.click(`[data-test=department-target-row] a:text-is("${DEPARTMENT}")`);
    await page.waitForSelector('[data-test=department-target]');
    await target.edit();
    await target.fillDuty(0, '加强森林草原防火，守住不发生重特大森林火灾的底线。');
    await target.addTask('森林防火', '全年开展防火巡查不少于 120 次。');
    await target.setBudget('total', '8,650,000.00');
    await target.setBudget('basic', '6,150,000.00');
    await target.setBudget('project', '2,500,000');
    await target.setBudget('appropriation', '8,600,000.00');
    await target.removeRow(0); // the blank starting row
    await target.paste(INDICATORS);
    await page.waitForSelector('[data-test=sheet-check]:has-text("财政拨款")');
    expect(await target.checks()).toEqual(
      expect.arrayContaining([
        '✖ 预算总额 8,650,000.00 元不等于财政拨款、上年结转与其他资金之和 8,600,000.00 元',
        expect.stringContaining('满意度'),
      ]),
    );
    await shot('1-checks');
    await target.setBudget('other', '50,000.00');
    await target.waitForNoBlockingChecks();
    await target.save();
    expect(await target.text()).toContain('≥');
    expect(await target.text()).toContain('8,650,000.00');
    await target.submit();
    expect(await target.status()).toBe('待财政审核');
    await shot('2-submitted');
  });

  it('finance returns it with a comment, the department adds a 满意度 indicator and resubmits, finance approves', async () => {
    let target = await signInAs('finance', 'Demo@2026');
    await page.click('text=待办');
    await page.waitForSelector(`[data-test=inbox-row]:has-text("${DEPARTMENT}")`);
    await page.click(`[data-test=inbox-row]:has-text("${DEPARTMENT}") a`);
    await page.waitForSelector('[data-test=review-panel]');
    await target.review('return', '请补充服务对象满意度指标。');
    expect(await target.status()).toBe('草稿');
    // the history says who submitted and who returned it, and why
    expect(await target.history(2)).toEqual([expect.stringMatching(/^第 1 版 · .* · 林草局财务审核 · 提交$/), expect.stringMatching(/^第 2 版 · .* · .* · 退回 · “请补充服务对象满意度指标。”$/)]);

    target = await signInAs('lcj.reviewer', 'Forest@2026');
    await page.click('text=待办');
    await page.waitForSelector('[data-test=inbox-row]:has-text("部门整体目标被退回")');
    await page.click('[data-test=inbox-row]:has-text("部门整体目标被退回") a');
    await page.waitForSelector('[data-test=return-comment]');
    expect(await target.returnComment()).toContain('请补充服务对象满意度指标。');
    await target.edit();
    await target.paste(['满意度指标', '服务对象满意度', '林区群众满意度', '>=', '90', '%', '定量指标'].join('\t'));
    await target.save();
    await shot('3-fixed');
    await target.submit();

    target = await signInAs('finance', 'Demo@2026');
    await target.openFromMenu(DEPARTMENT);
    await target.review('approve', '同意');
    expect(await target.status()).toBe('已批复');
    expect(await target.text()).toContain('林区群众满意度');
    await shot('4-approved');
    expect((await target.history(4)).at(-1)).toMatch(/^第 4 版 · .* · 批复 · “同意”$/);
    // the header says the history's version, not the save counter
    await page.locator('[data-test=department-version]', { hasText: '第 4 版' }).waitFor();
    await shot('target-history');
  });

  it('lists the department’s project sheets for the year, each opening its sheet', async () => {
    const target = await signInAs('lcj.reviewer', 'Forest@2026');
    await target.openFromMenu(DEPARTMENT);
    expect(await target.projects()).toEqual([[PROJECT, '—', PROJECT_UNIT, '500,000.00', '未填报', '尚未提交']]);
    await target.openProjectSheet(PROJECT);
    expect(await page.locator('[data-test=target-sheet]').innerText()).toContain('项目支出绩效目标表');
    expect(page.url()).toMatch(/\/projects\/[0-9a-f-]+\/target-sheet$/);
  });

  it('finance reads the demo 政府办 target, waiting for its decision', async () => {
    const target = await signInAs('finance', 'Demo@2026');
    await target.openFromMenu('曲靖市人民政府办公室');
    expect(await target.status()).toBe('待财政审核');
    expect(await target.text()).toContain('27,140,532.56');
    expect(await target.text()).toContain('机关办事人员满意度');
    expect((await target.history(1))[0]).toMatch(/^第 1 版 · .* · 政府办财务审核 · 提交$/);
    const projects = await target.projects();
    expect(projects.length).toBeGreaterThan(5);
    expect(projects).toContainEqual(['市政府总值班室调度平台运营服务项目经费', expect.any(String), '曲靖市人民政府办公室（本级）', '656,000.00', '已批复', '第 3 版']);
    await page.locator('[data-test=department-projects]').scrollIntoViewIfNeeded();
    await shot('target-projects');
    await shot('5-demo-govoffice');
  });
});
