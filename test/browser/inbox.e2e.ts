import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { Client, DEMO_PASSWORD } from '../support/http';
import { completeSheet } from '../support/sheet-rows';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { InboxPage } from './pages/inbox.page';
import { LoginPage } from './pages/login.page';
import { SheetPage } from './pages/sheet.page';

const YEAR = 2034;
const PASSWORD = 'Forest@2034';
const COMPLETE = completeSheet(['造林面积', '苗木成活率', '森林覆盖率提高', '林农满意度']);
const PROJECTS = ['退耕还林补助经费', '森林防火专项经费', '林业有害生物防治经费'];

/** 待办 as the landing page: its four stages, deadlines and overdue marks, the badge after each action, and 批量审核. */
describe('the inbox', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};
  let reviewer: Client;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `inbox-${name}.png`), fullPage: true });
  };
  async function signIn(username: string, password = PASSWORD): Promise<InboxPage> {
    await page.context().clearCookies();
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, password);
    return new InboxPage(page);
  }

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    await admin.post('/api/fiscal-years', { year: YEAR });
    // the deadline has passed: everything of this year still waiting is overdue
    await admin.patch(`/api/fiscal-years/${YEAR}`, { targetDeadline: '2026-11-30' });
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: '曲靖市林草综合执法支队', kind: 'department', parentId: finance?.id });
    const unit = await admin.post('/api/organizations', { name: '曲靖市林草综合执法支队（本级）', kind: 'unit', parentId: department.body.id });
    await admin.post('/api/users', { username: 'lczf.lead', password: PASSWORD, displayName: '林草局项目负责人', role: 'project_lead', organizationId: unit.body.id });
    await admin.post('/api/users', { username: 'lczf.reviewer', password: PASSWORD, displayName: '林草局财务审核', role: 'department_reviewer', organizationId: department.body.id });
    const lead = await new Client(running.url).as('lczf.lead', PASSWORD);
    reviewer = await new Client(running.url).as('lczf.reviewer', PASSWORD);
    const funds = { total: '300000.00', currentYearAppropriation: '300000.00', carryOver: '0', other: '0' };
    for (const name of [...PROJECTS, '林草资源监测经费']) {
      ids[name] = (await lead.post('/api/projects', { fiscalYear: YEAR, unitId: unit.body.id, name, funds })).body.id;
    }
    for (const name of PROJECTS) await lead.request('PUT', `/api/projects/${ids[name]}/target-sheet`, { version: 0, indicators: COMPLETE });
    // two are submitted already; the third the lead submits in the browser; the fourth is still to fill
    for (const name of PROJECTS.slice(0, 2)) expect((await lead.post(`/api/projects/${ids[name]}/target-sheet/submit`, {})).status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('is where a lead lands, with each item’s stage, its deadline and the overdue ones marked', async () => {
    const inbox = await signIn('lczf.lead');
    expect(await page.title()).toBe('待办 - 绩效目标管理');
    const rows = await inbox.rowsOf('经费', 2);
    expect(rows.sort((a, b) => a.document.localeCompare(b.document, 'zh'))).toEqual([
      { stage: '待填报', document: '林草资源监测经费', deadline: '2026-11-30已逾期', overdue: true },
      { stage: '待填报', document: '林业有害生物防治经费', deadline: '2026-11-30已逾期', overdue: true },
    ]);
    await inbox.badge(2);
    await shot('lead-landing');
  });

  it('updates the badge as soon as the lead submits, without reloading the page', async () => {
    const sheet = new SheetPage(page);
    await page.click(`[data-test=inbox-row] a:text("林业有害生物防治经费")`);
    await page.waitForSelector('[data-test=sheet-table]');
    await page.click('[data-test=submit]');
    await page.locator('[data-test=submit-confirm]').waitFor();
    await shot('submit-confirm');
    await page.click('[data-test=submit-confirm]');
    await page.locator('[data-test=sheet-status]', { hasText: '已提交' }).waitFor();
    expect(await sheet.status()).toBe('已提交');
    await new InboxPage(page).badge(1);
  });

  it('lets a reviewer approve several sheets at once, with one grade and comment, each its own transition', async () => {
    const inbox = await signIn('lczf.reviewer');
    expect((await inbox.rowsOf('经费', 3)).map((r) => r.stage)).toEqual(['待审核', '待审核', '待审核']);
    // the department's own 部门整体目标 to fill are counted too
    const before = await inbox.badgeCount();
    expect(before).toBeGreaterThanOrEqual(3);
    for (const name of PROJECTS) await inbox.select(name);
    await page.locator('[data-test=batch-approve]', { hasText: '批量审核通过（3）' }).waitFor();
    await inbox.openBatch();
    // a grade is required: the dialog says so instead of sending
    await page.click('[data-test=batch-confirm]');
    await page.locator('[data-test=batch-grade-missing]').waitFor();
    await page.click('[data-test=batch-grade] [nz-radio-button]:has-text("优")');
    await page.fill('[data-test=batch-comment]', '目标明确，指标细化，同意。');
    await shot('batch-dialog');
    // meanwhile a colleague returns one of them: it is refused with the reason, the others go through
    const returned = await reviewer.post(`/api/projects/${ids[PROJECTS[1]]}/target-sheet/return`, { reviewGrade: '中', comment: '请补充成本指标' });
    expect(returned.status).toBe(200);
    await page.click('[data-test=batch-confirm]');
    await page.locator('.ant-message-success', { hasText: '已审核通过 2 项，1 项未通过' }).waitFor();
    await page.locator('[data-test=batch-refused]', { hasText: PROJECTS[1] }).waitFor();
    // the two approved and the one returned meanwhile no longer wait for this reviewer
    await inbox.badge(before - 3);
    await shot('batch-done');
    for (const name of [PROJECTS[0], PROJECTS[2]]) {
      const versions = (await reviewer.get(`/api/projects/${ids[name]}/target-sheet/versions`)).body as { action: string; reviewGrade: string | null; comment: string | null }[];
      expect(versions.at(-1)).toMatchObject({ action: 'approve', reviewGrade: '优', comment: '目标明确，指标细化，同意。' });
    }
    const audit = (await reviewer.get('/api/audit?entity=target_sheet&pageSize=500')).body.items as { action: string; actor: string }[];
    expect(audit.filter((a) => a.action === 'approve' && a.actor === '林草局财务审核')).toHaveLength(2);
  });

  it('shows finance the approved ones as 待批复', async () => {
    const inbox = await signIn('finance', DEMO_PASSWORD);
    expect((await inbox.rowsOf('林业有害生物防治经费', 1))[0]).toMatchObject({ stage: '待批复', overdue: true });
    await shot('finance');
  });
});
