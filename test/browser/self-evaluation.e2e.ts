import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';
import { SelfEvaluationPage } from './pages/self-evaluation.page';

const PASSWORD = 'Safe@2026x';
const PROJECT = '应急演练及物资保障经费';
const row = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, weight: string, kind = '定量', evidence = '') => ({ level1, level2, name, comparator, value, unit, kind, weight, evidence });
/** 产出 50 + 效益 30 + 满意度 10 = 90: ratio rows of each direction and one row scored by tier. */
const SHEET = [
  row('产出指标', '数量指标', '应急演练次数', '≥', '90', '次', '20', '定量', '演练记录及签到表'),
  row('产出指标', '质量指标', '隐患整改率', '≥', '95', '%', '20'),
  row('产出指标', '成本指标', '演练成本', '≤', '30', '万元', '10'),
  row('效益指标', '社会效益指标', '应急处置能力', '定性', '明显提升', '', '30', '定性'),
  row('满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '10'),
];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The year-end 自评表 in Chromium: finance opens the year, the lead fills it and sees every score's arithmetic, the department reviewer overrides one score. */
describe('self-evaluation in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let lead: Client;
  let evaluationId: string;

  /** A screenshot once the messages have faded, so they hide nothing. */
  const shot = async (name: string) => {
    await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0, undefined, { timeout: 8000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, `self-evaluation-${name}.png`), fullPage: true });
  };
  async function signInAs(username: string, password: string): Promise<SelfEvaluationPage> {
    await page.context().clearCookies();
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, password, '/projects');
    return new SelfEvaluationPage(page);
  }

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = await new Client(running.url).as('finance');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = (await admin.post('/api/organizations', { name: '曲靖市科学技术局', kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市科学技术局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'kjj.lead', password: PASSWORD, displayName: '应急局项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'kjj.reviewer', password: PASSWORD, displayName: '应急局审核人', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('kjj.lead', PASSWORD);
    const reviewer = await new Client(running.url).as('kjj.reviewer', PASSWORD);
    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: PROJECT, overallGoal: '全年组织应急演练 90 次，隐患整改率不低于 95%，提升应急处置能力。', funds: { total: '500000.00', currentYearAppropriation: '500000.00', carryOver: '0', other: '0' } })).body.id;
    expect((await lead.request('PUT', `/api/projects/${projectId}/target-sheet`, { version: 0, indicators: SHEET })).status).toBe(200);
    expect((await lead.post(`/api/projects/${projectId}/target-sheet/submit`, {})).status).toBe(200);
    expect((await reviewer.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' })).status).toBe(200);
    expect((await finance.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' })).status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('finance opens the 2026 self-evaluation and finds the project’s 自评表 not yet scored', async () => {
    const evaluations = await signInAs('finance', 'Demo@2026');
    await evaluations.openList(running.url);
    await evaluations.chooseYear(2026);
    expect(await evaluations.openRound('2027-01-31')).toMatch(/已开启 2026 年度绩效自评，共 \d+ 张自评表/);
    expect(Number(await evaluations.roundEvaluations())).toBeGreaterThanOrEqual(1);
    await page.waitForSelector(`[data-test=evaluation-row]:has-text("${PROJECT}")`);
    expect(await evaluations.listRow(PROJECT)).toEqual({ status: '填报中', total: '未评分', grade: '' });
    await shot('1-finance-opens-the-year');
  });

  it('the lead fills the 自评表 from 待办 and sees each score with its arithmetic; a score outside its tier is refused with the range', async () => {
    const form = await signInAs('kjj.lead', PASSWORD);
    await page.click('text=待办');
    await page.click(`[data-test=inbox-row]:has-text("${PROJECT}") a`);
    await page.waitForSelector('[data-test=self-evaluation] [data-test=sheet-row]');
    evaluationId = page.url().split('/').pop() as string;
    expect(await page.locator('[data-test=evaluation-head]').innerText()).toContain('曲靖市科学技术局（本级）');

    await form.setBudget('450000');
    expect(await form.budgetFormula()).toBe('10 × min(450,000.00 ÷ 500,000.00, 100%) = 9.00');
    await form.setGoalActual('全年组织应急演练 85 次，隐患整改率 96%。');
    await form.setActual(1, '85');
    await form.setActual(2, '96');
    await form.setActual(3, '28');
    await form.setActual(5, '92');
    expect(await form.scoreOf(1)).toEqual({ score: '18.89', computed: null, formula: '20 × 85 ÷ 90 = 18.89', override: null });
    expect((await form.scoreOf(2)).formula).toBe('96 ≥ 95 → 20.00');
    expect((await form.scoreOf(3)).formula).toBe('28 ≤ 30 → 10.00');
    expect(await form.noteRequired(1)).toBe(true);
    expect(await form.noteRequired(2)).toBe(false);
    expect(await form.rowChecks(1)).toEqual(['✖ 未完成目标或超出目标较多，请填写偏差原因分析及改进措施']);

    await form.setTier(4, '组织跨部门联合演练 6 次，处置流程仍需磨合', '部分达成年度指标并具有一定效果', '25');
    expect(await form.tierRange(4)).toBe('允许 18.00–24.00（不含 24.00）');
    expect(await form.rowChecks(4)).toContain('✖ 得分 25 不在“部分达成年度指标并具有一定效果”的范围 18.00–24.00（不含 24.00）内');
    expect(await form.save()).toContain('有 1 处填写有误，未保存');
    expect(await form.status()).toBe('填报中');
    await shot('2-tier-score-refused');

    await form.setTier(4, '组织跨部门联合演练 6 次，处置流程仍需磨合', '部分达成年度指标并具有一定效果', '22');
    expect((await form.scoreOf(4)).formula).toBe('部分达成年度指标并具有一定效果（18.00–24.00（不含 24.00））：评定 22.00');
    expect(await form.total()).toMatchObject({ total: '89.89', grade: '良', formula: expect.stringContaining('总分 = 9.00 + 80.89 = 89.89；80 ≤ 89.89 < 90 → 良') });
    expect(await form.submitDisabled()).toBe(true);
    await form.setNote(1, '5 次演练因汛期应急值守顺延至次年一季度，已列入明年计划');
    await form.setNote(4, '联合演练磨合不足，明年增加桌面推演');
    expect(await form.evidenceMissing(1)).toBe(true);
    await form.upload(1, '演练记录.pdf', PDF, 'application/pdf');
    expect(await form.evidenceMissing(1)).toBe(false);
    expect(await form.save()).toContain('已保存，得分已重算');
    expect(await form.rowChecks(1)).toEqual([]);
    expect(await form.submitDisabled()).toBe(false);
    await shot('3-filled-with-arithmetic');
  });

  it('tells the lead when someone else saved meanwhile and reloads; a filled workbook comes back in after a preview', async () => {
    const form = new SelfEvaluationPage(page);
    const read = (await lead.get(`/api/self-evaluations/${evaluationId}`)).body;
    const indicators = read.indicators.map((r: { indicatorId: string; actual: string; tier: string | null; tierScore: string | null; deviationNote: string }) => ({ indicatorId: r.indicatorId, actual: r.actual, tier: r.tier, score: r.tierScore, deviationNote: r.deviationNote }));
    expect((await lead.request('PUT', `/api/self-evaluations/${evaluationId}`, { version: read.version, budget: { executed: read.budget.executed, adjustment: null }, goalActual: '（另一窗口）全年组织应急演练 85 次。', indicators })).status).toBe(200);
    await form.setGoalActual('全年组织应急演练 85 次，隐患整改率 96%，群众满意度 92%。');
    expect(await form.save()).toContain('已被他人修改');
    expect(await form.staleMessage()).toContain('重新读取');
    await shot('4-stale');
    await form.reload();
    expect(await page.locator('[data-test=goal-actual]').inputValue()).toBe('（另一窗口）全年组织应急演练 85 次。');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await lead.download(`/api/self-evaluations/${evaluationId}.xlsx`)).content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 3).value === '群众满意度') sheet.getCell(r, 7).value = 95;
    const preview = await form.importWorkbook('自评表.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), false);
    expect(preview).toContain('预览（尚未保存）');
    expect(preview).toMatch(/群众满意度\s+实际完成值\s+92\s+95/);
    await shot('5-import-preview');
    await page.click('[data-test=import-confirm]');
    await page.waitForSelector('[data-test=import-preview]', { state: 'detached' });
    expect((await form.scoreOf(5)).formula).toBe('95 ≥ 90 → 10.00');
    await form.submit();
    expect(await form.status()).toBe('待主管部门审核');
  });

  it('the department reviewer overrides one score with a reason and sees the computed score beside it, then approves', async () => {
    const form = await signInAs('kjj.reviewer', PASSWORD);
    await form.openList(running.url);
    await form.chooseYear(2026);
    await page.waitForSelector(`[data-test=evaluation-row]:has-text("${PROJECT}")`);
    expect(await form.listRow(PROJECT)).toEqual({ status: '待主管部门审核', total: '89.89', grade: '良' });
    await page.click(`[data-test=evaluation-row]:has-text("${PROJECT}") a`);
    await page.waitForSelector('[data-test=self-evaluation] [data-test=sheet-row]');
    expect(await page.locator('[data-test=cell-actual]').count()).toBe(0);
    const computed = await form.override(1, '17', '演练签到表缺 5 次，按实际留档计');
    expect(computed).toContain('18.89');
    expect(computed).toContain('20 × 85 ÷ 90 = 18.89');
    const scored = await form.scoreOf(1);
    expect(scored).toMatchObject({ score: '17.00', computed: '18.89', formula: '20 × 85 ÷ 90 = 18.89' });
    expect(scored.override).toContain('调整为 17.00（计算得分 18.89）· 理由：演练签到表缺 5 次，按实际留档计 · 应急局审核人');
    expect(await form.total()).toMatchObject({ total: '88.00', grade: '良', formula: expect.stringContaining('总分 = 9.00 + 79.00 = 88.00') });
    await shot('6-override');
    expect((await form.history()).some((v) => v.includes('调整得分') && v.includes('演练签到表缺 5 次'))).toBe(true);
    await shot('7-history');
    await page.keyboard.press('Escape');
    await form.decide('approve', '同意，已调整一项得分');
    expect(await form.status()).toBe('待财政审核');
  });
});
