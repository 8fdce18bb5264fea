import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { Client } from '../support/http';
import { AuditPage } from './pages/audit.page';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';

const PROJECT = '城区绿化养护经费（变更记录）';
const indicator = (over: Record<string, unknown>) => ({
  level1: '产出指标', level2: '数量指标', name: '养护面积', comparator: '≥', value: '120', unit: '万平方米', kind: '定量',
  content: '反映绿化养护面积。', basis: '计划标准', lastYearActual: null, weight: '25', scoringRule: '按照完成比例赋分', evidence: '养护记录', ...over,
});
const complete = [
  indicator({}),
  indicator({ level2: '质量指标', name: '苗木成活率', comparator: '≥', value: '95', unit: '%' }),
  indicator({ level1: '效益指标', level2: '生态效益', name: '城区环境改善', comparator: '=', value: '有效改善', unit: '', kind: '定性', weight: '30' }),
  indicator({ level1: '满意度指标', level2: '服务对象满意度', name: '市民满意度', value: '90', unit: '%', weight: '10' }),
];

/** 变更记录 as a department's reviewer reads it: in Chinese, naming the project, filtered, exported. */
describe('the audit log screen', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance')?.id;
    const department = (await admin.post('/api/organizations', { name: '曲靖市住房和城乡建设局（变更记录）', kind: 'department', parentId: finance })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市园林绿化中心（变更记录）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'zjj.audit.lead', password: 'Lead@2026x', displayName: '园林中心填报员', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'zjj.audit.reviewer', password: 'Review@2026x', displayName: '住建局审核员', role: 'department_reviewer', organizationId: department });
    const lead = await new Client(running.url).as('zjj.audit.lead', 'Lead@2026x');
    const reviewer = await new Client(running.url).as('zjj.audit.reviewer', 'Review@2026x');
    const funds = { total: '90000.00', currentYearAppropriation: '90000.00', carryOver: '0', other: '0' };
    const id = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: PROJECT, funds })).body.id;
    const sheet = `/api/projects/${id}/target-sheet`;
    const saved = (await lead.request('PUT', sheet, { version: 0, indicators: complete })).body;
    await lead.request('PUT', sheet, { version: saved.version, indicators: [{ ...saved.indicators[0], value: '150', weight: '20' }, { ...saved.indicators[1], weight: '30' }, ...saved.indicators.slice(2)] });
    expect((await lead.post(`${sheet}/submit`, {})).status).toBe(200);
    expect((await reviewer.post(`${sheet}/return`, { reviewGrade: '中', comment: '养护面积请写明依据' })).status).toBe(200);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signIn('zjj.audit.reviewer', 'Review@2026x');
    await page.waitForURL(/\/(projects|inbox)$/);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows the entries in Chinese with the project named, filters them by action and object, and exports what is shown', async () => {
    const audit = new AuditPage(page);
    await audit.openFromMenu();
    const rows = await audit.rows();
    expect(rows[0]).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), '住建局审核员', `${PROJECT} 绩效目标表 · 曲靖市园林绿化中心（变更记录）`, '退回', '状态', '已提交', '草稿']);
    expect(rows).toContainEqual([expect.any(String), '园林中心填报员', expect.stringContaining(PROJECT), '修改指标', '产出指标 › 数量指标 › 养护面积', '指标值 120；分值 25', '指标值 150；分值 20']);
    expect(rows.flat().join(' ')).not.toMatch(/row_changed|submitted|value=|target_sheet/);
    await page.screenshot({ path: join(ARTIFACTS, 'audit-log.png'), fullPage: true });

    await audit.filterByAction('修改指标');
    await audit.filterByObject('绿化养护');
    const filtered = await audit.rows();
    expect(filtered.length).toBe(2);
    expect(filtered.every((r) => r[3] === '修改指标' && r[2].includes(PROJECT))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'audit-log-filtered.png'), fullPage: true });

    const download = await audit.export();
    expect(download.suggestedFilename()).toMatch(/^变更记录 \d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(mkdtempSync(join(tmpdir(), 'pm-audit-')), download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const exported = workbook.getWorksheet('变更记录');
    expect(exported?.getCell('A2').value).toMatch(/筛选：对象含“绿化养护”，操作：修改指标；共 2 条$/);
    expect(exported?.getRow(5).values).toEqual([undefined, expect.any(String), '园林中心填报员', '绩效目标表', PROJECT, '曲靖市园林绿化中心（变更记录）', '修改指标', expect.stringContaining('产出指标 › '), expect.any(String), expect.any(String)]);
  });
});
