import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';
import { ProjectsPage } from './pages/projects.page';

const SEED_000 = join(__dirname, '..', 'fixtures', 'seeds', 'qujing-govoffice-2026-budget.txt');
const SEED_001 = join(__dirname, '..', 'fixtures', 'seeds', 'qujing-govoffice-2024-final-accounts-and-self-evaluation.txt');

describe('importing a target table in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `import-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: '曲靖市民政局', kind: 'department', parentId: finance?.id });
    const unit = await admin.post('/api/organizations', { name: '曲靖市民政局（本级）', kind: 'unit', parentId: department.body.id });
    await admin.post('/api/users', { username: 'mzj.lead', password: 'Civil@2026', displayName: '民政局项目负责人', role: 'project_lead', organizationId: unit.body.id });
    await admin.post('/api/users', { username: 'mzj.reviewer', password: 'Civil@2026', displayName: '民政局财务审核', role: 'department_reviewer', organizationId: department.body.id });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs('mzj.lead', 'Civil@2026', '/projects');
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('a lead uploads seed 000, sees the preview with its repairs, confirms and finds the sheets', async () => {
    await page.click('text=导入目标表');
    await page.waitForSelector('[data-test=import-year]');
    await page.click('[data-test=import-year]');
    await page.click('.ant-select-item-option[title="2026 年度"]');
    await page.setInputFiles('[data-test=import-file]', SEED_000);
    await page.click('[data-test=import-preview]');
    await page.waitForSelector('[data-test=import-result]');
    expect(await page.locator('[data-test=import-summary]').innerText()).toContain('识别到 2 张目标表、9 个项目、55 条指标 · 修正 29 处 · 问题 0 处');
    expect(await page.locator('[data-test=import-project]').count()).toBe(9);
    expect(await page.locator('[data-test=import-repair]').first().innerText()).toContain('qujing-govoffice-2026-budget.txt 第 105 行（项目名称）');
    await shot('1-preview');
    // the tables name 政府办: ticked, then one dialog
    await page.click('[data-test=import-unit-confirm]');
    await page.click('[data-test=import-confirm]');
    await page.click('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn-primary');
    await page.waitForSelector('text=导入完成');
    await shot('2-done');
    await page.click('text=到项目列表查看');
    const projects = new ProjectsPage(page);
    await projects.chooseYear(2026);
    expect(await projects.rows()).toHaveLength(9);
    expect(await page.locator('[data-test=export-table]').getAttribute('href')).toContain('/api/target-tables.xlsx?fiscalYear=2026');
  });

  it('shows a pasted table’s bad row in red and will not import it', async () => {
    await page.click('text=导入目标表');
    await page.waitForSelector('[data-test=import-year]');
    await page.click('[data-test=import-year]');
    await page.click('.ant-select-item-option[title="2026 年度"]');
    await page.click('[data-test=mode-paste]');
    await page.fill(
      '[data-test=import-text]',
      ['项目名称\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t分值', '养老服务补贴\t产出指标\t数量指标\t补贴人数\t>=\t1200\t人\t三十'].join('\n'),
    );
    await page.click('[data-test=import-preview]');
    await page.waitForSelector('[data-test=import-error]');
    expect(await page.locator('[data-test=import-error]').innerText()).toBe('粘贴的表格 第 2 行（分值）：分值“三十”不是数字');
    expect(await page.locator('[data-test=import-message]').innerText()).toBe('导入内容有 1 处问题，未导入任何内容');
    expect(await page.locator('[data-test=import-confirm]').isDisabled()).toBe(true);
    await shot('3-refused');
  });

  it('imports the 2024 self-evaluations, and the next preview takes 上年完成值 from them', async () => {
    await page.click('text=导入目标表');
    await page.waitForSelector('[data-test=import-kind]');
    await page.click('[data-test=import-kind]');
    await page.click('.ant-select-item-option[title="以前年度自评表（上年完成值）"]');
    await page.click('[data-test=mode-file]');
    await page.setInputFiles('[data-test=import-file]', SEED_001);
    await page.click('[data-test=import-results]');
    await page.waitForSelector('[data-test=import-message]');
    expect(await page.locator('[data-test=import-message]').innerText()).toMatch(/^已导入 2024 年度自评：14 张表、14 个项目、72 条实际完成值/);
    await page.click('[data-test=import-kind]');
    await page.click('.ant-select-item-option[title="绩效目标表"]');
    await page.click('[data-test=import-year]');
    await page.click('.ant-select-item-option[title="2026 年度"]');
    await page.setInputFiles('[data-test=import-file]', SEED_000);
    await page.click('[data-test=import-preview]');
    await page.waitForSelector('[data-test=import-result]');
    expect(await page.locator('[data-test=import-project]:has-text("政府办机关专项经费")').innerText()).toContain('取自自评 2 条');
    await shot('4-last-year');
  });

  it('a department reviewer imports a summary with unit rows into the whole department, the new unit said before confirming', async () => {
    const reviewer = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const login = new LoginPage(reviewer);
    await login.open(running.url);
    await login.signIn('mzj.reviewer', 'Civil@2026');
    await reviewer.waitForURL(/\/(projects|inbox)$/);
    await reviewer.click('text=导入目标表');
    await reviewer.waitForSelector('[data-test=import-year]');
    await reviewer.click('[data-test=import-year]');
    await reviewer.click('.ant-select-item-option[title="2026 年度"]');
    await reviewer.click('[data-test=import-unit]');
    await reviewer.click('.ant-select-item-option[title="曲靖市民政局（整个部门：按表中的单位行分到各单位）"]');
    await reviewer.click('[data-test=mode-paste]');
    const T = (...cells: string[]) => cells.join('\t');
    await reviewer.fill(
      '[data-test=import-text]',
      [
        T('项目编码', '项目名称', '年度预算（万元）', '产出指标', '', '效益指标', '', '满意度指标', ''),
        T('', '', '', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值'),
        T('曲靖市民政局（本级）', '', '', '', '', '', '', '', ''),
        T('53050001', '城乡低保提标资金', '120.00', '保障人数', '≥3200人', '困难群众基本生活', '有效保障', '受助群众满意度', '≥90%'),
        T('103002 曲靖市救助管理站', '', '', '', '', '', '', '', ''),
        T('53050002', '流浪乞讨人员救助经费', '35.00', '救助人次', '≥600人次', '救助及时率', '≥95%', '受助人员满意度', '≥90%'),
      ].join('\n'),
    );
    await reviewer.click('[data-test=import-preview]');
    await reviewer.waitForSelector('[data-test=import-units]');
    const units = await reviewer.locator('[data-test=import-units]').innerText();
    expect(units).toContain('分到 2 个预算单位');
    expect(units).toContain('曲靖市民政局（本级） · 1 个项目');
    expect(units).toContain('曲靖市救助管理站（103002） · 1 个项目 · 将新建该单位');
    expect(await reviewer.locator('[data-test=import-project]:has-text("流浪乞讨人员救助经费")').innerText()).toContain('曲靖市救助管理站');
    await reviewer.waitForTimeout(300);
    await reviewer.screenshot({ path: join(ARTIFACTS, 'import-5-department-units.png'), fullPage: true });
    await reviewer.click('[data-test=import-confirm]');
    await reviewer.click('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn-primary');
    await reviewer.waitForSelector('text=导入完成');
    await reviewer.close();
  });
});

