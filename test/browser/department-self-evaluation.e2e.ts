import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { DepartmentSelfEvaluationPage } from './pages/department-self-evaluation.page';
import { LoginPage } from './pages/login.page';

const PASSWORD = 'Chronicle@2026x';
const DEPARTMENT = '曲靖市地方志办公室';
const UNIT = '曲靖市地方志办公室（本级）';
const PROJECT = '地方志编纂出版经费';
const RETURN_COMMENT = '基本支出执行数请与部门决算报表核对后再报';
const indicator = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, kind = '定量') => ({
  level1, level2, name, comparator, value, unit, kind, content: '', basis: '', lastYearActual: null, weight: null, scoringRule: '', evidence: '',
});
/** The department's 2026 overall target: two goals, four indicators (one 定性), budget by kind. */
const TARGET = {
  duties: ['完成《曲靖市志（2011—2020）》年度编纂任务', '做好地方志资源开发利用和年鉴出版'],
  tasks: [{ name: '志书编纂', content: '完成年度编纂和评审' }],
  budget: { total: '3600000.00', basic: '3000000.00', project: '600000.00', appropriation: '3600000.00', carryOver: '0', other: '0' },
  indicators: [
    indicator('产出指标', '数量指标', '志书编纂字数', '≥', '120', '万字'),
    indicator('产出指标', '质量指标', '志书评审', '定性', '通过省级评审', '', '定性'),
    indicator('效益指标', '社会效益指标', '方志馆接待人次', '≥', '3000', '人次'),
    indicator('满意度指标', '服务对象满意度指标', '读者满意度', '≥', '90', '%'),
  ],
};
const SHEET = [
  { level1: '产出指标', level2: '数量指标', name: '年鉴出版册数', comparator: '≥', value: '2000', unit: '册', kind: '定量', weight: '50' },
  { level1: '效益指标', level2: '社会效益指标', name: '年鉴赠阅覆盖率', comparator: '≥', value: '90', unit: '%', kind: '定量', weight: '30' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '读者满意度', comparator: '≥', value: '90', unit: '%', kind: '定量', weight: '10' },
];

/**
 * 部门整体支出绩效自评表 in Chromium: the department opens it from 待办 prefilled from its approved
 * overall target and its project's 自评表, fills execution and results (执行率 recomputed, a shortfall's
 * 偏差原因 required), meets a 409 and reloads, submits; finance returns it once with a comment, the
 * department resubmits, finance approves and exports it.
 */
describe('the department self-evaluation in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let reviewer: Client;
  let departmentId: string;
  const path = () => `/api/departments/${departmentId}/self-evaluation/2026`;

  /** A screenshot once the messages have faded, so they hide nothing. */
  const shot = async (name: string) => {
    await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0, undefined, { timeout: 8000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, `department-self-evaluation-${name}.png`), fullPage: true });
  };
  async function signInAs(username: string, password: string): Promise<DepartmentSelfEvaluationPage> {
    await page.context().clearCookies();
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, password, '/projects');
    return new DepartmentSelfEvaluationPage(page);
  }

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = await new Client(running.url).as('finance');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    departmentId = (await admin.post('/api/organizations', { name: DEPARTMENT, kind: 'department', parentId: financeOrg?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: UNIT, kind: 'unit', parentId: departmentId })).body.id;
    await admin.post('/api/users', { username: 'dfz.lead', password: PASSWORD, displayName: '地方志办项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'dfz.reviewer', password: PASSWORD, displayName: '地方志办财务审核', role: 'department_reviewer', organizationId: departmentId });
    const lead = await new Client(running.url).as('dfz.lead', PASSWORD);
    reviewer = await new Client(running.url).as('dfz.reviewer', PASSWORD);

    const target = `/api/departments/${departmentId}/overall-target/2026`;
    expect((await reviewer.request('PUT', target, { version: 0, ...TARGET })).status).toBe(200);
    expect((await reviewer.post(`${target}/submit`, {})).status).toBe(200);
    expect((await finance.post(`${target}/approve`, {})).body.status).toBe('approved');

    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: PROJECT, overallGoal: '出版《曲靖年鉴（2026）》2000 册。', funds: { total: '600000.00', currentYearAppropriation: '600000.00', carryOver: '0', other: '0' } })).body.id;
    expect((await lead.request('PUT', `/api/projects/${projectId}/target-sheet`, { version: 0, indicators: SHEET })).status).toBe(200);
    expect((await lead.post(`/api/projects/${projectId}/target-sheet/submit`, {})).status).toBe(200);
    expect((await reviewer.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' })).status).toBe(200);
    expect((await finance.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' })).status).toBe(200);
    // opening 2026 again answers the same round and adds the project approved since
    expect((await finance.post('/api/self-evaluation-rounds', { fiscalYear: 2026, deadline: '2027-03-31' })).status).toBeLessThan(300);
    const evaluation = (await lead.get(`/api/self-evaluations?fiscalYear=2026&projectId=${projectId}`)).body.items[0];
    const read = (await lead.get(`/api/self-evaluations/${evaluation.id}`)).body;
    const filed = await lead.request('PUT', `/api/self-evaluations/${evaluation.id}`, {
      version: read.version,
      budget: { executed: '570000', adjustment: '-10000' },
      goalActual: '出版《曲靖年鉴（2026）》2000 册。',
      indicators: read.indicators.map((i: { indicatorId: string }, n: number) => ({ indicatorId: i.indicatorId, actual: ['2000', '92', '93'][n] })),
    });
    expect(filed.status).toBe(200);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'zh-CN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the department opens its table from 待办, prefilled from its overall target and its projects’ 自评表', async () => {
    const form = await signInAs('dfz.reviewer', PASSWORD);
    await form.openFromInbox(2026);
    expect(page.url()).toMatch(new RegExp(`/self-evaluation/department/${departmentId}/2026$`));
    expect(await form.status()).toBe('填报中');
    expect(await form.head()).toContain(DEPARTMENT);
    expect(await form.duties()).toEqual(TARGET.duties);
    expect(await form.indicatorNames()).toEqual(['志书编纂字数', '志书评审', '方志馆接待人次', '读者满意度']);
    expect(await page.locator('[data-test=target-not-approved]').count()).toBe(0);

    // 项目支出 from the project's 自评表; 基本支出 from the overall target, not yet executed
    expect([await form.amount('project', 'initial'), await form.amount('project', 'adjustment'), await form.amount('project', 'executed')]).toEqual(['600000.00', '-10000.00', '570000.00']);
    expect(await form.line('project')).toEqual({ annual: '590,000.00', rate: '96.61%' });
    expect(await form.line('projects')).toEqual({ initial: '600,000.00', adjustment: '-10,000.00', annual: '590,000.00', executed: '570,000.00', rate: '96.61%' });
    expect(await form.projectsHint()).toContain('其中：项目自评表合计（1 张）');
    expect(await form.projectsHint()).toContain('与项目支出一致');
    expect([await form.amount('basic', 'initial'), await form.amount('basic', 'executed')]).toEqual(['3000000.00', '']);
    expect(await form.line('basic')).toEqual({ annual: '3,000,000.00', rate: '—' });
    expect(await form.budgetChecks()).toEqual(['✖ 请填写基本支出执行数']);
    // the whole's execution is not known while 基本支出's is missing
    expect(await form.line('total')).toEqual({ initial: '3,600,000.00', adjustment: '-10,000.00', annual: '3,590,000.00', executed: '—', rate: '—' });
    expect(await form.dutyChecks()).toEqual(['✖ 请填写完成情况', '✖ 请填写完成情况']);
    expect(await form.rowChecks(1)).toEqual(['✖ 请填写实际完成值']);
    expect(await form.submitDisabled()).toBe(true);
    await shot('1-prefilled');
  });

  it('fills execution and results: 执行率 recomputed as typed, a shortfall’s 偏差原因 required', async () => {
    const form = new DepartmentSelfEvaluationPage(page);
    await form.setAmount('basic', 'adjustment', '120,000');
    await form.setAmount('basic', 'executed', '3,050,000');
    expect(await form.line('basic')).toEqual({ annual: '3,120,000.00', rate: '97.76%' });
    expect(await form.line('total')).toEqual({ initial: '3,600,000.00', adjustment: '110,000.00', annual: '3,710,000.00', executed: '3,620,000.00', rate: '97.57%' });
    expect(await form.budgetChecks()).toEqual([]);

    // 项目支出 typed apart from the projects' total is pointed out, and put back from them in one click
    await form.setAmount('project', 'executed', '560000');
    expect(await form.line('project')).toEqual({ annual: '590,000.00', rate: '94.92%' });
    expect(await form.projectsHint()).toContain('执行数与项目支出相差 -10,000.00 元');
    await page.click('[data-test=use-projects]');
    // ngModel writes a changed value into its input a tick later
    await form.waitForAmount('project', 'executed', '570000.00');
    expect(await form.amount('project', 'executed')).toBe('570000.00');
    expect(await form.line('total')).toMatchObject({ executed: '3,620,000.00', rate: '97.57%' });

    await form.setDutyResult(1, '完成 128 万字初稿编纂，通过市级初审。');
    await form.setDutyResult(2, '出版《曲靖年鉴（2026）》2000 册，开展方志进校园 6 场。');
    expect(await form.dutyChecks()).toEqual([]);
    await form.setActual(1, '112');
    await form.setActual(2, '已通过省级评审');
    await form.setActual(3, '3400');
    await form.setActual(4, '95');
    expect(await form.noteRequired(1)).toBe(true);
    expect(await form.noteRequired(2)).toBe(false);
    expect(await form.noteRequired(3)).toBe(false);
    expect(await form.rowChecks(1)).toEqual(['✖ 未完成目标或超出目标较多，请填写偏差原因分析及改进措施']);
    expect(await form.checkSummary()).toContain('必须修改 1 处');
    expect(await form.submitDisabled()).toBe(true);
    expect(await form.save()).toContain('已保存');
    expect(await form.status()).toBe('填报中');
    expect(await form.rowChecks(1)).toEqual(['✖ 未完成目标或超出目标较多，请填写偏差原因分析及改进措施']);
    await shot('2-shortfall-needs-a-note');

    await form.setNote(1, '第三篇部分资料征集滞后，8 万字顺延至 2027 年一季度完成，已调整编纂计划');
    expect(await form.rowChecks(1)).toEqual([]);
    expect(await form.noteRequired(1)).toBe(true);
    expect(await form.submitDisabled()).toBe(false);
  });

  it('tells the department when someone else saved meanwhile and reloads what is stored', async () => {
    const form = new DepartmentSelfEvaluationPage(page);
    const read = (await reviewer.get(path())).body;
    const amounts = ({ initial, adjustment, executed }: Record<string, string>) => ({ initial, adjustment, executed });
    const elsewhere = await reviewer.request('PUT', path(), {
      version: read.version,
      budget: { basic: amounts(read.budget.basic), project: amounts(read.budget.project) },
      duties: read.duties,
      indicators: read.indicators.map((i: { id: string; actual: string | null; deviationNote: string }) => ({ id: i.id, actual: i.actual, deviationNote: i.deviationNote })),
      notes: '（另一窗口）无',
    });
    expect(elsewhere.status).toBe(200);
    await form.setNotes('无');
    expect(await form.save()).toContain('已被他人修改');
    expect(await form.staleMessage()).toContain('重新读取');
    await shot('3-stale');
    await form.reload();
    expect(await page.locator('[data-test=notes]').inputValue()).toBe('（另一窗口）无');
    // what was typed before is gone with the reload: the shortfall's note again
    expect(await form.rowChecks(1)).toEqual(['✖ 未完成目标或超出目标较多，请填写偏差原因分析及改进措施']);
    await form.setNote(1, '第三篇部分资料征集滞后，8 万字顺延至 2027 年一季度完成，已调整编纂计划');
    await form.setNotes('无');
    await form.submit();
    expect(await form.status()).toBe('待财政审核');
    expect(await page.locator('[data-test=cell-actual]').count()).toBe(0);
  });

  it('finance finds it under 部门整体自评 and returns it with a comment, which the dialog requires', async () => {
    const form = await signInAs('finance', 'Demo@2026');
    await form.openList(running.url, 2026);
    expect(await form.listRow(DEPARTMENT)).toEqual({ status: '待财政审核', rate: '97.57%' });
    await shot('4-finance-list');
    await form.openFromList(DEPARTMENT);
    expect(await page.locator('[data-test=cell-actual]').count()).toBe(0);
    expect(await page.locator('[data-test=save-evaluation]').count()).toBe(0);
    expect(await page.locator('[data-test=cell-deviation-note-text]').first().innerText()).toContain('8 万字顺延');
    expect(await form.line('total')).toMatchObject({ executed: '3,620,000.00', rate: '97.57%' });
    const decision = await form.decide('return', RETURN_COMMENT);
    expect(decision.okEnabledWithoutComment).toBe(false);
    expect(decision.placeholder).toContain('将显示给主管部门');
    expect(await form.status()).toBe('填报中');
  });

  it('the department reads the comment, corrects and resubmits; finance approves; the table is exported', async () => {
    let form = await signInAs('dfz.reviewer', PASSWORD);
    await form.openFromInbox(2026);
    expect(await form.returnComment()).toContain(RETURN_COMMENT);
    await shot('5-returned');
    await form.setAmount('basic', 'executed', '3048600.50');
    expect(await form.line('basic')).toEqual({ annual: '3,120,000.00', rate: '97.71%' });
    expect(await form.line('total')).toMatchObject({ executed: '3,618,600.50', rate: '97.54%' });
    await form.submit();
    expect(await form.status()).toBe('待财政审核');

    form = await signInAs('finance', 'Demo@2026');
    await form.openList(running.url, 2026);
    await form.openFromList(DEPARTMENT);
    await form.decide('approve', '同意');
    expect(await form.status()).toBe('已审核');
    expect(await page.locator('[data-test=return-comment]').count()).toBe(0);
    const history = await form.history();
    expect(history.some((v) => v.includes('退回') && v.includes(RETURN_COMMENT))).toBe(true);
    expect(history.some((v) => v.includes('已审核'))).toBe(true);
    await shot('6-approved-history');
    await page.keyboard.press('Escape');

    const download = await form.export();
    expect(download.suggestedFilename()).toBe(`${DEPARTMENT} 2026年度部门整体支出绩效自评表.xlsx`);
    const file = join(mkdtempSync(join(tmpdir(), 'pm-dse-')), download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('2026年度部门整体支出绩效自评表');
    expect(sheet.getCell('B3').value).toBe(DEPARTMENT);

    await form.openList(running.url, 2026);
    expect(await form.listRow(DEPARTMENT)).toEqual({ status: '已审核', rate: '97.54%' });
  });
});
