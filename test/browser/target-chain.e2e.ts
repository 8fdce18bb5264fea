import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';
import { SheetPage } from './pages/sheet.page';

/** Rows as a clerk copies them out of last year's spreadsheet, one with a 三级 that is only “>=”. */
const SPREADSHEET = [
  ['产出指标', '数量指标', '培训场次', '>=', '6', '场', '定量指标', '25', '反映举办培训的场次'],
  ['产出指标', '质量指标', '>=', '', '≥95%', '', '', '25', '反映培训合格情况'],
  ['效益指标', '社会效益', '群众应急知识知晓率', '', '≥90%', '', '', '30', ''],
  ['满意度指标', '服务对象满意度', '参训人员满意度', '>=', '90', '%', '定量指标', '10', ''],
]
  .map((cells) => cells.join('\t'))
  .join('\n');

describe('the approval chain in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let projectId: string;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `chain-${name}.png`), fullPage: true });
  };

  async function signInAs(username: string, password: string): Promise<SheetPage> {
    await page.context().clearCookies();
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signInAs(username, password, '/projects');
    const sheet = new SheetPage(page);
    await sheet.open(running.url, projectId);
    return sheet;
  }

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: '曲靖市地震局', kind: 'department', parentId: finance?.id });
    const unit = await admin.post('/api/organizations', { name: '曲靖市地震局（本级）', kind: 'unit', parentId: department.body.id });
    await admin.post('/api/users', { username: 'dzj.lead', password: 'Quake@2026', displayName: '地震局项目负责人', role: 'project_lead', organizationId: unit.body.id });
    await admin.post('/api/users', { username: 'dzj.reviewer', password: 'Quake@2026', displayName: '地震局财务审核', role: 'department_reviewer', organizationId: department.body.id });
    const lead = await new Client(running.url).as('dzj.lead', 'Quake@2026');
    const funds = { total: '80000.00', currentYearAppropriation: '80000.00', carryOver: '0', other: '0' };
    projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit.body.id, name: '防震减灾宣传培训经费', funds })).body.id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the lead pastes rows from a spreadsheet, sees the check, fixes it and submits', async () => {
    const sheet = await signInAs('dzj.lead', 'Quake@2026');
    await page.locator('[data-test=sheet-version]', { hasText: /^尚未提交$/ }).waitFor();
    await sheet.edit();
    await sheet.paste(SPREADSHEET);
    expect(await sheet.rowChecks()).toEqual(['✖ 三级指标名称“>=”只是符号或数字，请填写指标名称']);
    expect(await sheet.subtotals()).toContain('合计 90 分');
    await shot('1-pasted-with-check');
    // 提交审核 first lists what blocks it, worded as the row checks are
    await page.click('[data-test=submit]');
    await page.locator('[data-test=submit-blocking]').first().waitFor();
    await shot('1b-submit-blocked');
    await page.click('[data-test=submit-close]');
    await page.locator('[data-test=submit-dialog]').waitFor({ state: 'detached' });
    expect(await sheet.submitBlocked()).toEqual(['第 2 行：三级指标名称“>=”只是符号或数字，请填写指标名称']);
    // a save the API refuses shows every error, each at its row, not only the first
    await sheet.setCell(1, 'weight', '二十五');
    await sheet.setCell(3, 'weight', '30.125');
    expect(await sheet.saveRefused()).toEqual(['第 1 行：分值须为 0–999 之间、最多两位小数的数字', '第 3 行：分值须为 0–999 之间、最多两位小数的数字']);
    await shot('1c-save-refused');
    await sheet.setCell(1, 'weight', '25');
    await sheet.setCell(3, 'weight', '30');
    await sheet.setCell(2, 'name', '培训合格率');
    expect(await sheet.rowChecks()).toEqual([]);
    await page.click('[data-test=pick]');
    await page.fill('[data-test=library-search]', '获补对象准确率');
    await page.waitForSelector('[data-test=library-row]');
    await page.click('[data-test=library-pick]');
    await page.click('.ant-modal-close');
    // a row picked from the 指标库 goes into its group (产出指标 › 质量指标), not to the bottom
    expect(await sheet.names()).toEqual(['培训场次', '培训合格率', '获补对象准确率', '群众应急知识知晓率', '参训人员满意度']);
    expect(await sheet.groupCells()).toEqual(['产出指标', '数量指标', '质量指标', '效益指标', '社会效益指标', '满意度指标', '服务对象满意度指标']);
    await sheet.setCell(3, 'value', '100');
    await sheet.setCell(3, 'weight', '0');
    expect(await sheet.rowChecks()).toEqual([]);
    await page.fill('[data-test=overall-goal]', '全年开展防震减灾宣传培训，提升群众应急避险能力。');
    await page.fill('[data-test=fund-carryOver]', '10,000');
    await page.locator('[data-test=fund-carryOver]').blur();
    expect(await page.locator('[data-test=funds-total]').innerText()).toBe('90,000.00');
    await sheet.save();
    const saved = (await (await new Client(running.url).as('dzj.lead', 'Quake@2026')).get(`/api/projects/${projectId}`)).body;
    expect(saved).toMatchObject({ overallGoal: '全年开展防震减灾宣传培训，提升群众应急避险能力。', funds: { total: '90000.00', carryOver: '10000.00' } });
    await sheet.submit();
    expect(await sheet.status()).toBe('已提交');
    await shot('2-submitted');
  });

  it('the department reviewer returns it with a comment', async () => {
    const sheet = await signInAs('dzj.reviewer', 'Quake@2026');
    await sheet.noteOnRow(1, '每季度不少于 2 场，全年应不少于 8 场');
    await sheet.noteOnRow(3, '请写明抽检比例');
    // a return needs 中 or 差 and a comment, each said at its field before anything is sent
    expect(await sheet.reviewRefused('return')).toEqual(['退回须评为“中”或“差”', '退回须填写审核意见，说明需修改之处']);
    await sheet.grade('良');
    expect(await sheet.reviewRefused('return')).toEqual(['退回须评为“中”或“差”', '退回须填写审核意见，说明需修改之处']);
    await shot('3a-return-refused');
    await sheet.review('return', '培训场次偏少，请按每季度不少于 2 场设定', '中');
    expect(await sheet.status()).toBe('草稿');
    await shot('3-returned');
  });

  it('the lead sees the comment and what changed since, and resubmits', async () => {
    const sheet = await signInAs('dzj.lead', 'Quake@2026');
    expect(await sheet.sinceReturn()).toContain('培训场次偏少，请按每季度不少于 2 场设定');
    expect(await sheet.rowComments()).toEqual(['审核意见：每季度不少于 2 场，全年应不少于 8 场', '审核意见：请写明抽检比例']);
    await sheet.edit();
    await sheet.setCell(1, 'value', '8');
    // moving the commented row up inside its group takes its comment along, before and after saving
    await sheet.moveUp(3);
    expect(await sheet.commentsOfRow(2)).toEqual(['审核意见：请写明抽检比例']);
    await sheet.save();
    expect(await sheet.names()).toEqual(['培训场次', '获补对象准确率', '培训合格率', '群众应急知识知晓率', '参训人员满意度']);
    expect(await sheet.commentsOfRow(2)).toEqual(['审核意见：请写明抽检比例']);
    expect(await sheet.commentsOfRow(1)).toEqual(['审核意见：每季度不少于 2 场，全年应不少于 8 场（已修改）']);
    expect(await sheet.sinceReturn()).toContain('修改：产出指标 › 数量指标 › 培训场次（指标值 6 → 8）');
    await shot('4-changed-since-return');
    await sheet.submit();
  });

  it('the department approves and finance gives the final approval', async () => {
    const department = await signInAs('dzj.reviewer', 'Quake@2026');
    expect(await department.reviewRefused('approve')).toEqual(['审核通过须评为“优”或“良”']);
    await department.grade('中');
    expect(await department.reviewRefused('approve')).toEqual(['审核通过须评为“优”或“良”']);
    await department.rate('完整性', '优');
    await department.rate('可行性', '良');
    await department.review('approve', '同意', '优');
    expect(await department.status()).toBe('主管部门已审核');
    // the grade and ratings stay on the sheet and in its history
    await page.locator('[data-test=sheet-review]', { hasText: '完整性 优、可行性 良' }).waitFor();
    expect(await page.locator('[data-test=sheet-review]').innerText()).toContain('审核结果 优');
    const finance = await signInAs('finance', 'Demo@2026');
    // finance's decision on a department-approved sheet is 批复
    expect(await page.locator('[data-test=approve]').innerText()).toBe('批复');
    await finance.review('approve', '批复', '优');
    await page.locator('.ant-message-success', { hasText: '已批复' }).waitFor();
    expect(await finance.status()).toBe('已批复');
    const history = await finance.history(5);
    expect(history).toContain('财政局预算绩效科');
    expect(history).toContain('审核结果 优 · 完整性 优、可行性 良');
    // one version number everywhere: the header says the history's latest version, not the save counter
    await page.locator('[data-test=sheet-version]', { hasText: /^第 5 版$/ }).waitFor();
    await shot('5-approved');
    await page.click('[data-test=history] button >> nth=1'); // version 3 against 2: the value changed after the return
    await page.waitForSelector('[data-test=compare-table]');
    expect(await page.locator('[data-test=compare-table]').innerText()).toContain('指标值：6 → 8');
    await shot('6-compare');
  });
});
