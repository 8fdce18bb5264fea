import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';
import { ProjectsPage } from './pages/projects.page';
import { Shell } from './pages/shell.page';

const ZFB_UNIT = '曲靖市人民政府办公室（本级）';
const XFJ_UNIT = '曲靖市信访局（本级）';

describe('each demo role in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  afterEach(async () => {
    await page.close();
  });

  async function signIn(username: string): Promise<ProjectsPage> {
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, DEMO_PASSWORD, '/projects');
    return new ProjectsPage(page);
  }

  /** Screenshots kept as test artefacts, taken after transitions settle. */
  async function shot(name: string): Promise<void> {
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it.each([
    ['zfb.lead', '政府办项目负责人', '项目负责人', 10, [ZFB_UNIT]],
    ['xfj.lead', '信访局项目负责人', '项目负责人', 8, [XFJ_UNIT]],
    ['zfb.reviewer', '政府办财务审核', '主管部门审核', 10, [ZFB_UNIT]],
    ['xfj.reviewer', '信访局财务审核', '主管部门审核', 8, [XFJ_UNIT]],
  ] as const)('%s signs in and sees only its own 2026 projects', async (username, name, role, count, units) => {
    const projects = await signIn(username);
    await projects.chooseYear(2026);
    const rows = await projects.rows();
    expect(rows).toHaveLength(count);
    expect([...new Set(rows.map((r) => r.unit))]).toEqual(units);
    expect(rows.every((r) => r.year === '2026')).toBe(true);
    const header = await new Shell(page).currentUser();
    expect(header).toContain(name);
    expect(header).toContain(role);
    await shot(`projects-${username}`);
  });

  it('finance sees both departments’ projects and no admin menu', async () => {
    const projects = await signIn('finance');
    await projects.chooseYear(2026);
    const rows = await projects.rows();
    // finance sees every department; other suites may have added units of their own
    expect([...new Set(rows.map((r) => r.unit))]).toEqual(expect.arrayContaining([ZFB_UNIT, XFJ_UNIT]));
    expect(await new Shell(page).menu()).toEqual(['待办', '项目', '绩效运行监控', '绩效自评', '导入目标表', '部门整体目标', '指标库', '变更记录', '评分参数']);
    await shot('projects-finance');
  });

  it('admin sees the admin menu and the organisation tree', async () => {
    await signIn('admin');
    expect(await new Shell(page).menu()).toEqual(['待办', '项目', '绩效运行监控', '绩效自评', '变更记录', '单位管理', '用户管理', '预算年度']);
    await page.click('text=单位管理');
    await page.waitForSelector('[data-test=organizations-table] tbody tr');
    const names = await page.locator('[data-test=organizations-table] tbody td:first-child').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['曲靖市财政局', '曲靖市人民政府办公室', ZFB_UNIT, '曲靖市信访局', XFJ_UNIT]));
    await shot('admin-organizations');
    await page.click('text=用户管理');
    await page.waitForSelector('[data-test=users-table] tbody tr');
    await shot('admin-users');
    await page.fill('[data-test=user-search]', '信访局');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test=users-table] tbody tr')].every((tr) => tr.textContent?.includes('信访局')));
    const found = await page.locator('[data-test=users-table] tbody td:first-child').allInnerTexts();
    expect(found).toEqual(expect.arrayContaining(['xfj.lead', 'xfj.reviewer']));
    expect(found).not.toContain('zfb.lead');
  });

  it('shows a Chinese error for a wrong password', async () => {
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signIn('zfb.lead', 'wrong-password1');
    await page.waitForSelector('[data-test=login-error]');
    expect(await login.error()).toContain('用户名或密码错误');
    await shot('login-error');
  });

  it('shows the 404 page when xfj.lead opens a 政府办 project by its address, and 403 for admin pages', async () => {
    const finance = await signIn('finance');
    await finance.chooseYear(2026);
    await finance.search('督办及调研');
    const href = await page.locator('[data-test=project-row] a').first().getAttribute('href');
    await new Shell(page).logout();
    await signIn('xfj.lead');
    await page.goto(`${running.url}${href}`);
    await page.waitForSelector('nz-result');
    expect(await page.locator('nz-result').innerText()).toContain('页面或记录不存在');
    await shot('not-found-xfj');
    await page.goto(`${running.url}/admin/users`);
    await page.waitForSelector('nz-result');
    expect(await page.locator('nz-result').innerText()).toContain('无权访问');
    await shot('forbidden-xfj');
  });

  it('a lead opens a project and reads its funds in yuan and 万元', async () => {
    const projects = await signIn('zfb.lead');
    await projects.chooseYear(2026);
    await projects.openProject('督办及调研工作经费');
    const detail = await page.locator('[data-test=project-detail]').innerText();
    expect(detail).toContain('700,000.00');
    expect(detail).toContain('70.00 万元');
    await shot('project-detail');
  });

  it('sends a signed-out visitor to the login page', async () => {
    await page.goto(`${running.url}/projects`);
    await page.waitForSelector('[data-test=login-form]');
    expect(page.url()).toContain('/login?returnUrl=%2Fprojects');
  });
});
