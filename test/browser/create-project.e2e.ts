import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';
import { ProjectsPage } from './pages/projects.page';

/** A lead of a unit of its own (so the demo units keep their counts) creates a project in the dialog. */
describe('creating a project in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance') as { id: string };
    const department = await admin.post('/api/organizations', { name: '曲靖市档案馆', kind: 'department', parentId: finance.id });
    const unit = await admin.post('/api/organizations', { name: '曲靖市档案馆（本级）', kind: 'unit', parentId: department.body.id });
    await admin.post('/api/users', { username: 'dag.lead', password: 'Archive@2026', displayName: '档案馆项目负责人', role: 'project_lead', organizationId: unit.body.id });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs('dag.lead', 'Archive@2026', '/projects');
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows the API’s reason when the name is missing, then saves and lists the project', async () => {
    const projects = new ProjectsPage(page);
    await projects.createProject('', '1,234.5');
    await page.waitForSelector('[data-test=form-error]');
    expect(await page.locator('[data-test=form-error]').innerText()).toContain('请填写项目名称');
    await page.screenshot({ path: join(ARTIFACTS, 'create-project-error.png') });
    await page.fill('[data-test=project-name]', '档案数字化专项经费');
    await page.click('.ant-modal-footer button.ant-btn-primary');
    await page.waitForSelector('[data-test=project-row]');
    const rows = await projects.rows();
    // the list and the dialog start on the newest open year (other suites may have opened a later one)
    const year = (await page.locator('[data-test=filter-year]').innerText()).replace(/\D/g, '');
    expect(rows).toEqual([{ year, name: '档案数字化专项经费', unit: '曲靖市档案馆（本级）', total: '1,234.50' }]);
    await page.screenshot({ path: join(ARTIFACTS, 'create-project-done.png') });
  });
});
