import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { ImportsPage } from './pages/imports.page';
import { LoginPage } from './pages/login.page';

const SEED_000 = join(__dirname, '..', 'fixtures', 'seeds', 'qujing-govoffice-2026-budget.txt');

describe('the import preview in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let lead: Client;

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: '曲靖市档案史志研究室', kind: 'department', parentId: finance?.id });
    const unit = await admin.post('/api/organizations', { name: '曲靖市档案史志研究室（本级）', kind: 'unit', parentId: department.body.id });
    await admin.post('/api/users', { username: 'szs.lead', password: 'Quake@2026', displayName: '史志研究室项目负责人', role: 'project_lead', organizationId: unit.body.id });
    lead = await new Client(running.url).as('szs.lead', 'Quake@2026');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signIn('szs.lead', 'Quake@2026');
    await page.waitForURL(/\/(projects|inbox)$/);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('warns that seed 000 names 政府办, lists every counted problem and doubt, and confirms once after the clerk ticks the unit', async () => {
    const imports = new ImportsPage(page);
    await imports.open(running.url);
    await imports.chooseYear(2026);
    await imports.preview(SEED_000);

    await page.locator('[data-test=import-unit-warning]', { hasText: '曲靖市人民政府办公室' }).waitFor();
    const warning = await imports.text('import-unit-warning');
    expect(warning).toContain('表格中写明的单位是“曲靖市人民政府办公室”，而导入到的是“曲靖市档案史志研究室（本级）”');
    expect(warning).toContain('我已核对，确认导入到“曲靖市档案史志研究室（本级）”');
    expect(await imports.confirmDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-unit-warning.png') });

    // every problem the projects' 检查 column counts is listed, once
    const counted = (await imports.texts('import-project')).reduce((n, row) => n + [...row.matchAll(/(必须修改|提醒) (\d+) 处/g)].reduce((m, x) => m + Number(x[2]), 0), 0);
    const checks = await imports.texts('import-check');
    expect(counted).toBeGreaterThan(0);
    expect(checks).toHaveLength(counted);
    expect(await imports.text('import-checks-title')).toMatch(/^检查结果：必须修改 \d+ 处 · 提醒 \d+ 处/);
    const doubts = await imports.texts('import-doubt');
    expect(doubts).toHaveLength(4);
    expect(doubts[1]).toContain('qujing-govoffice-2026-budget.txt：存疑：“政府门户网站运营维护专项经费”第 118–119 行的 2 条指标在“满意度指标”之后又从“产出指标”开始，可能属于下一个项目“应急管理经费”');
    expect(await imports.text('import-summary')).toContain('修正 29 处 · 问题 0 处 · 存疑 4 处');
    const relief = (await imports.texts('import-project')).find((row) => row.includes('遗属生活补助资金'));
    expect(relief).toContain('37,560.00');
    expect(relief).toContain('312 民生类');
    expect((await imports.texts('import-repair')).some((r) => r.includes('“遗属生活补助资金”的年度预算总额 37,560.00 元、项目分类“312 民生类”取自同一文件的“2026年部门项目支出中期规划预算表”第 244 行'))).toBe(true);
    expect(await imports.texts('import-project-doubts')).toEqual(Array(4).fill(' 存疑 1 处'));
    // the checks and the doubts together (the page scrolls inside its layout, so the lists are taken as one element)
    await page.locator('pm-import-problems').screenshot({ path: join(ARTIFACTS, 'import-problems.png') });

    await imports.tickUnitConfirmation();
    const lines = await imports.openConfirmation();
    expect(await imports.dialogs()).toBe(1);
    expect(lines[0]).toBe('将 9 个项目、55 条指标导入到“曲靖市档案史志研究室（本级）”：新建 9 个，更新草稿 0 个，生成调整稿 0 个。');
    expect(lines).toContain('表格写明的单位是“曲靖市人民政府办公室”，您已确认导入到“曲靖市档案史志研究室（本级）”。');
    expect(lines).toContain('有 4 处存疑的行按表中位置导入，请导入后核对。');
    await page.screenshot({ path: join(ARTIFACTS, 'import-confirm-once.png') });
    await imports.acceptConfirmation();
    expect(await imports.dialogs()).toBe(0);
    const projects = (await lead.get('/api/projects?fiscalYear=2026')).body.items as { name: string; category: string | null }[];
    expect(projects).toHaveLength(9);
    expect(projects.find((p) => p.name === '遗属生活补助资金')?.category).toBe('312 民生类');
  });
});
