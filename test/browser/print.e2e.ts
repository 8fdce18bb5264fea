import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { Client, DEMO_PASSWORD } from '../support/http';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { DepartmentTargetPage } from './pages/department-target.page';
import { LoginPage } from './pages/login.page';
import { ProjectsPage } from './pages/projects.page';

/** 打印: the official table alone, A4 landscape, without menus, buttons or review panels. */
describe('the print view', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs('finance', DEMO_PASSWORD, '/projects');
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** Every cell of the printed tables black on white, whatever its check or shading on screen. */
  const cellColours = () =>
    page.$$eval('table.sheet th, table.sheet td', (cells) => [...new Set(cells.map((c) => `${getComputedStyle(c).backgroundColor} ${getComputedStyle(c).color}`))]);

  const printed = async (name: string) => {
    await page.locator('[data-test=sheet-table]').waitFor();
    expect(await page.locator('[data-test=sign-off]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nz-sider').isVisible()).toBe(false);
    expect(await page.locator('[data-test=print]').isVisible()).toBe(false);
    expect(await page.locator('[data-test=sheet-table]').isVisible()).toBe(true);
    // no editing colours, no 草稿/版本 tags or status chips
    expect(await cellColours()).toEqual(['rgb(255, 255, 255) rgb(0, 0, 0)']);
    expect(await page.locator('.ant-tag:visible, [data-test=sheet-status]:visible, [data-test=sheet-version]:visible, [data-test=department-status]:visible').count()).toBe(0);
    expect(await page.locator('.cell-check:visible').count()).toBe(0);
    const signOff = page.locator('[data-test=sign-off]');
    expect(await signOff.isVisible()).toBe(true);
    const signOffText = await signOff.innerText();
    for (const label of ['单位负责人', '填报人', '联系电话', '填报日期', '主管部门审核意见（盖章）', '财政部门审核意见（盖章）']) expect(signOffText).toContain(label);
    if (name === 'project-sheet') expect(await page.locator('.print-title').innerText()).toContain('项目名称：督办及调研工作经费 · 实施单位：曲靖市人民政府办公室（本级）');
    await page.pdf({ path: join(ARTIFACTS, `print-${name}.pdf`), format: 'A4', landscape: true, printBackground: true });
    await page.screenshot({ path: join(ARTIFACTS, `print-${name}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  };

  const openSheet = async (projectName: string) => {
    await page.goto(`${running.url}/projects`);
    const projects = new ProjectsPage(page);
    await projects.chooseYear(2026);
    await projects.search(projectName);
    await projects.openProject(projectName);
    await page.click('[data-test=open-sheet]');
    await page.locator('[data-test=history]', { hasText: '第 1 版' }).waitFor();
  };

  it('prints a project’s target sheet and a department’s overall target without the application around them', async () => {
    const projects = new ProjectsPage(page);
    await projects.chooseYear(2026);
    await projects.search('督办及调研');
    await projects.openProject('督办及调研工作经费');
    await page.click('[data-test=open-sheet]');
    await page.waitForSelector('[data-test=sheet-table]');
    expect(await page.locator('[data-test=review-panel]').count()).toBe(0);
    await printed('project-sheet');

    await new DepartmentTargetPage(page).openFromMenu('曲靖市人民政府办公室');
    expect(await page.locator('[data-test=review-panel]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-test=review-panel]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await printed('department-target');
  });

  it('ends an approved sheet with the 主管部门 and 财政部门 opinions and dates its approvals gave, in black on white', async () => {
    await openSheet('市政府总值班室调度平台运营服务项目经费');
    expect(await page.locator('[data-test=sheet-table] th').first().evaluate((th) => getComputedStyle(th).backgroundColor)).not.toBe('rgb(255, 255, 255)');
    await page.locator('[data-test=sheet-review]').waitFor();
    await printed('approved-sheet');
    await page.emulateMedia({ media: 'print' });
    // the screen's 最近审核 line is not part of the official form: the opinions are in the boxes
    expect(await page.locator('[data-test=sheet-review]').isVisible()).toBe(false);
    const department = await page.locator('[data-test=sign-off-department]').innerText();
    const finance = await page.locator('[data-test=sign-off-finance]').innerText();
    expect(department).toContain('指标设置较完整，同意报财政审核。');
    expect(finance).toContain('同意，按此绩效目标安排预算。');
    for (const box of [department, finance]) expect(box).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await page.locator('[data-test=sign-off-filler]').innerText()).not.toBe('');
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints the rows a check shades on screen without their colour', async () => {
    const finance = await new Client(running.url).as('finance');
    const projects = (await finance.get('/api/projects?fiscalYear=2026&pageSize=500')).body.items as { id: string; name: string }[];
    let flagged: string | undefined;
    for (const p of projects) {
      const sheet = (await finance.get(`/api/projects/${p.id}/target-sheet`)).body as { checks: { row: number | null }[] };
      // a submitted one of the demo's (other suites add drafts of 2026 that were never submitted)
      if (sheet.checks.some((c) => c.row !== null) && (await finance.get(`/api/projects/${p.id}/target-sheet/versions`)).body.length > 0) {
        flagged = p.name;
        break;
      }
    }
    expect(flagged).toBeDefined();
    await openSheet(flagged as string);
    const shaded = '[data-test=sheet-row].warning td, [data-test=sheet-row].blocking td';
    const background = () => page.$$eval(shaded, (cells) => [...new Set(cells.map((c) => getComputedStyle(c).backgroundColor))]);
    expect(await background()).not.toContain('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(shaded).count()).toBeGreaterThan(0);
    expect(await background()).toEqual(['rgb(255, 255, 255)']);
    expect(await page.locator('.cell-check:visible').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });
  });

  it('leaves the opinion boxes blank for a sheet still waiting for its review', async () => {
    await openSheet('政府门户网站运营维护专项经费');
    await page.emulateMedia({ media: 'print' });
    expect((await page.locator('[data-test=sign-off-department]').innerText()).trim()).toBe('主管部门审核意见（盖章）\n年　　月　　日');
    expect((await page.locator('[data-test=sign-off-finance]').innerText()).trim()).toBe('财政部门审核意见（盖章）\n年　　月　　日');
    await page.emulateMedia({ media: 'screen' });
  });
});
