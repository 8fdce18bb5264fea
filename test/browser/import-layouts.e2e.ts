import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';

/** A city's own form: no header word the reader knows (考核大类, 目标要求 …), so it must be mapped by hand once. */
const T = (...cells: string[]) => cells.join('\t');
const TABLE = [
  T('某市2026年度项目支出绩效目标表'),
  T('单位：某市文化旅游局（本级）'),
  T('项目', '考核大类', '考核小类', '考核内容', '目标要求', '计量', '分值'),
  T('（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）'),
  T('文化惠民演出', '产出指标', '数量指标', '送戏下乡演出场次', '≥20', '场', '20'),
  T('', '产出指标', '质量指标', '演出合格率', '≥95', '%', '20'),
  T('', '效益指标', '社会效益指标', '惠及群众人次', '≥5', '万人次', '30'),
  T('', '满意度指标', '服务对象满意度指标', '群众满意度', '≥90', '%', '30'),
].join('\n');
const FILE = { name: '文旅局绩效目标.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(TABLE, 'utf8') };

describe('mapping an unknown layout by hand in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `import-layout-${name}.png`), fullPage: true });
  };
  const choose = async (select: string, option: string) => {
    await page.click(select);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
    await page.locator(`${select} .ant-select-selection-item[title="${option}"]`).waitFor();
  };
  const openImport = async () => {
    await page.click('text=导入目标表');
    await page.waitForSelector('[data-test=import-year]');
    await choose('[data-test=import-year]', '2026 年度');
    await page.setInputFiles('[data-test=import-file]', FILE);
  };

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: '某市文化旅游局', kind: 'department', parentId: finance?.id });
    const unit = await admin.post('/api/organizations', { name: '某市文化旅游局（本级）', kind: 'unit', parentId: department.body.id });
    await admin.post('/api/users', { username: 'wlj.lead', password: 'Culture@2026', displayName: '文旅局项目负责人', role: 'project_lead', organizationId: unit.body.id });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signIn('wlj.lead', 'Culture@2026');
    await page.waitForURL(/\/(projects|inbox)$/);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('a lead maps the columns of a table the reader cannot place, sees the preview, and saves the layout', async () => {
    await openImport();
    await page.click('[data-test=import-preview]');
    await page.locator('[data-test=import-message]').waitFor();
    expect(await page.locator('[data-test=import-message]').innerText()).toContain('没有找到绩效目标表');

    await page.click('[data-test=import-map]');
    await page.locator('[data-test=map-grid]').waitFor();
    expect(await page.locator('[data-test=map-found]').innerText()).toBe('未识别出表头，请指定');
    await page.click('[data-test=map-row-2]');
    await page.locator('[data-test=map-start]', { hasText: '表头从第 3 行开始' }).waitFor();
    await page.locator('[data-test=map-skip-rows] input').fill('1');
    const meanings = ['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '分值'];
    for (const [i, meaning] of meanings.entries()) await choose(`[data-test=map-column-${i}]`, meaning);
    await shot('1-mapping');

    await page.click('[data-test=map-preview]');
    await page.locator('[data-test=import-summary]').waitFor();
    const summary = await page.locator('[data-test=import-summary]').innerText();
    expect(summary).toContain('识别到 1 张目标表、1 个项目、4 条指标');
    expect(summary).toContain('问题 0 处');
    expect(await page.locator('[data-test=import-project]').innerText()).toContain('文化惠民演出');
    // the grid stays open beside the preview, to correct and try again
    expect(await page.locator('[data-test=map-grid]').isVisible()).toBe(true);

    await page.fill('[data-test=map-name]', '某市文旅局目标表');
    await page.click('[data-test=map-save]');
    await page.locator('.ant-message', { hasText: '已保存版式“某市文旅局目标表”' }).waitFor();
    await page.locator('[data-test=import-layouts]', { hasText: '按版式“某市文旅局目标表”读取' }).waitFor();
    expect(await page.locator('[data-test=map-saved]').innerText()).toContain('某市文旅局目标表');
    await shot('2-saved');
  });

  it('the next upload of that layout imports without help', async () => {
    await page.reload();
    await openImport();
    await page.click('[data-test=import-preview]');
    await page.locator('[data-test=import-layouts]', { hasText: '按版式“某市文旅局目标表”读取' }).waitFor();
    expect(await page.locator('[data-test=import-summary]').innerText()).toContain('1 个项目、4 条指标');
    expect(await page.locator('[data-test=layout-mapper]').count()).toBe(0);
    await page.click('[data-test=import-confirm]');
    // the one confirmation dialog
    await page.click('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn-primary');
    await page.waitForSelector('text=导入完成');
    await shot('3-imported');
  });
});
