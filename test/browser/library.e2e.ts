import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';

describe('the indicator library in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  const rows = () => page.locator('[data-test=library-row]').allInnerTexts();
  const search = async (text: string) => {
    await page.fill('[data-test=library-search]', text);
    // settled: not loading, and at least one row, every one of them a match
    await page.waitForFunction(
      (t) => {
        const rows = [...document.querySelectorAll('[data-test=library-row]')];
        return !document.querySelector('[data-test=library-table] .ant-spin-spinning') && rows.length > 0 && rows.every((r) => r.textContent?.includes(t));
      },
      text,
    );
  };

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: '曲靖市水务局', kind: 'department', parentId: finance?.id });
    await admin.post('/api/users', { username: 'swj.reviewer', password: 'Water@2026', displayName: '水务局财务审核', role: 'department_reviewer', organizationId: department.body.id });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs('swj.reviewer', 'Water@2026', '/projects');
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('a department adds its own 个性 indicator, finds it and removes it; 共性 entries are not its to remove', async () => {
    await page.click('text=指标库');
    await page.waitForSelector('[data-test=library-row]');
    await page.click('[data-test=library-add]');
    await page.click('.ant-modal-footer button.ant-btn-primary');
    await page.waitForSelector('[data-test=library-error]');
    expect(await page.locator('[data-test=library-error]').innerText()).toBe('请填写指标名称');
    await page.fill('[data-test=library-name]', '农村集中供水率');
    await page.fill('[data-test=library-unit]', '%');
    await page.fill('[data-test=library-content]', '集中供水的农村人口/农村总人口*100%');
    await page.click('.ant-modal-footer button.ant-btn-primary');
    await page.waitForSelector('.ant-modal-wrap', { state: 'detached' });
    await search('农村集中供水率');
    expect(await rows()).toEqual([expect.stringMatching(/个性\s+产出指标\s+数量指标\s+农村集中供水率/)]);
    await page.screenshot({ path: join(ARTIFACTS, 'library-own-entry.png') });
    await search('满意度');
    expect((await rows()).length).toBeGreaterThan(0);
    expect(await page.locator('[data-test=library-remove]').count()).toBe(0);
    await search('农村集中供水率');
    await page.click('[data-test=library-remove]');
    await page.click('.ant-popover .ant-btn-primary');
    await page.waitForSelector('[data-test=library-row]', { state: 'detached' });
    expect(await page.locator('[data-test=library-table]').innerText()).toContain('没有找到');
  });
});
