import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { DEMO_PASSWORD } from '../support/http';
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

  const printed = async (name: string) => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nz-sider').isVisible()).toBe(false);
    expect(await page.locator('[data-test=print]').isVisible()).toBe(false);
    expect(await page.locator('[data-test=sheet-table]').isVisible()).toBe(true);
    if (name === 'project-sheet') expect(await page.locator('.print-title').innerText()).toContain('项目名称：督办及调研工作经费 · 实施单位：曲靖市人民政府办公室（本级）');
    await page.pdf({ path: join(ARTIFACTS, `print-${name}.pdf`), format: 'A4', landscape: true, printBackground: true });
    await page.screenshot({ path: join(ARTIFACTS, `print-${name}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
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
});
