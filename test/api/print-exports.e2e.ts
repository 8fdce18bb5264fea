import { RunningApp, startApp } from '../support/app';
import { Client } from '../support/http';
import { cutAtEdge, Printed, printedWhole, printXlsx, squash, wordsOverlap } from '../support/print-check';
import { targetList } from '../support/target-list';

interface Named {
  name: string;
}

/**
 * Every official export of the demo data, opened in LibreOffice Calc and printed to PDF as a unit
 * does before filing it with its budget: the text is all there, nothing spills over its neighbours
 * or off the page, every page is numbered 第 N 页 共 M 页 and the sign-off block closes the table.
 */
describe('exports as printed by LibreOffice', () => {
  jest.setTimeout(180_000);
  let running: RunningApp;
  let finance: Client;
  let department: string;

  beforeAll(async () => {
    running = await startApp();
    finance = await new Client(running.url).as('finance');
    department = (await (await new Client(running.url).as('zfb.reviewer')).get('/api/me')).body.organizationId;
  });
  afterAll(() => running.close());

  async function printed(name: string, path: string): Promise<Printed> {
    const file = await finance.download(path);
    expect(file.status).toBe(200);
    return printXlsx(name, file.content);
  }

  /** What every printed official table shows, whatever its layout. */
  function expectCleanPrint(print: Printed, texts: string[], rows: number): void {
    const missing = texts.filter((t) => !printedWhole(print, t));
    expect(missing).toEqual([]);
    expect(print.text).not.toContain('###');
    expect(wordsOverlap(print.words).map(([a, b]) => `p${a.page}: ${a.text} × ${b.text}`)).toEqual([]);
    expect(cutAtEdge(print.words, print.pages).map((w) => `p${w.page}: ${w.text}`)).toEqual([]);
    const pages = print.pages.length;
    const perPage = print.text.split('\f').filter((p) => p.trim());
    expect(perPage.map((p) => squash(p).match(/第(\d+)页共(\d+)页/)?.slice(1).join('/'))).toEqual(perPage.map((_, i) => `${i + 1}/${pages}`));
    // An A4 landscape page fitted to width holds a few to a few dozen rows of the body, never one row a page.
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(Math.ceil(rows / 3) + 1);
    for (const label of ['单位负责人', '填报人', '联系电话', '填报日期', '主管部门审核意见', '财政部门审核意见']) expect(squash(perPage[perPage.length - 1])).toContain(label);
  }

  it('prints the list layout of the department’s 项目支出绩效目标表 with every goal and indicator', async () => {
    const projects = (await (await new Client(running.url).as('zfb.lead')).get('/api/projects?fiscalYear=2026&pageSize=200')).body.items as (Named & { id: string; overallGoal: string })[];
    const sheets = await Promise.all(projects.map(async (p) => (await finance.get(`/api/projects/${p.id}/target-sheet`)).body.indicators as Named[]));
    const print = await printed('target-tables', `/api/target-tables.xlsx?fiscalYear=2026&organizationId=${department}`);
    const rows = sheets.reduce((n, s) => n + Math.max(1, s.length), 0);
    expectCleanPrint(print, [...projects.flatMap((p) => [p.name, p.overallGoal]), ...sheets.flat().map((r) => r.name)], rows);
  });

  it('prints the per-project form with its 当年财政拨款 label whole', async () => {
    const lead = await new Client(running.url).as('zfb.lead');
    const projects = (await lead.get('/api/projects?fiscalYear=2026&pageSize=200')).body.items as (Named & { id: string; overallGoal: string })[];
    const project = projects.reduce((a, b) => (b.overallGoal.length > a.overallGoal.length ? b : a));
    const indicators = (await finance.get(`/api/projects/${project.id}/target-sheet`)).body.indicators as Named[];
    const print = await printed('project-form', `/api/projects/${project.id}/target-sheet.xlsx`);
    expectCleanPrint(print, [project.name, project.overallGoal, '当年财政拨款', '年度资金总额', ...indicators.map((r) => r.name)], indicators.length + 6);
  });

  it('prints the 部门预算项目绩效目标汇总表', async () => {
    const projects = (await (await new Client(running.url).as('zfb.lead')).get('/api/projects?fiscalYear=2026&pageSize=200')).body.items as (Named & { id: string })[];
    const sheets = await Promise.all(projects.map(async (p) => (await finance.get(`/api/projects/${p.id}/target-sheet`)).body.indicators as Named[]));
    const print = await printed('department-summary', `/api/department-summary.xlsx?fiscalYear=2026&organizationId=${department}`);
    expectCleanPrint(print, [...projects.map((p) => p.name), ...sheets.flat().map((r) => r.name)], sheets.reduce((n, s) => n + Math.max(1, s.length), 0));
  });

  it('prints the 部门整体绩效目标表', async () => {
    const target = (await finance.get(`/api/departments/${department}/overall-target/2026`)).body as { duties: string[]; indicators: Named[]; tasks: Named[] };
    const print = await printed('department-target', `/api/departments/${department}/overall-target/2026/table.xlsx`);
    expectCleanPrint(print, [...target.duties, ...target.tasks.map((t) => t.name), ...target.indicators.map((r) => r.name)], target.indicators.length + target.tasks.length + 6);
  });

  it('prints a project’s 绩效目标执行监控表 and the round’s list', async () => {
    const reports = (await finance.get('/api/monitoring-reports?pageSize=200')).body.items as { id: string }[];
    const details = await Promise.all(reports.map(async (r) => (await finance.get(`/api/monitoring-reports/${r.id}`)).body as { goal: string; indicators: Named[]; roundId?: string }));
    const at = details.reduce((best, d, i) => (d.indicators.length > details[best].indicators.length ? i : best), 0);
    const report = details[at];
    const print = await printed('monitoring-report', `/api/monitoring-reports/${reports[at].id}.xlsx`);
    expectCleanPrint(print, [report.goal, ...report.indicators.map((r) => r.name)], report.indicators.length + 8);

    const round = (await finance.get('/api/monitoring-rounds?fiscalYear=2026')).body.items[0] as { id: string };
    const lines = (await finance.get(`/api/monitoring-rounds/${round.id}/reports?pageSize=200`)).body.items as { projectName: string }[];
    const list = await printed('monitoring-round', `/api/monitoring-rounds/${round.id}/reports.xlsx`);
    expectCleanPrint(list, lines.map((l) => l.projectName), lines.length + 2);
  });

  it('prints a 项目支出绩效自评表 and the 部门整体支出绩效自评表', async () => {
    const evaluations = (await finance.get('/api/self-evaluations?fiscalYear=2026&pageSize=200')).body.items as { id: string }[];
    const details = await Promise.all(evaluations.map(async (e) => (await finance.get(`/api/self-evaluations/${e.id}`)).body as { goal: string; indicators: Named[] }));
    const at = details.reduce((best, d, i) => (d.indicators.length > details[best].indicators.length ? i : best), 0);
    const print = await printed('self-evaluation', `/api/self-evaluations/${evaluations[at].id}.xlsx`);
    expectCleanPrint(print, [details[at].goal, '其中：当年财政拨款', ...details[at].indicators.map((r) => r.name)], details[at].indicators.length + 14);

    const path = `/api/departments/${department}/self-evaluation/2026`;
    const own = (await finance.get(path)).body as { indicators: Named[]; duties: { duty: string }[] };
    const table = await printed('department-self-evaluation', `${path}/table.xlsx`);
    expectCleanPrint(table, [...own.duties.map((d) => d.duty), ...own.indicators.map((r) => r.name)], own.indicators.length + 12);
  });

  it('prints the list of a 3,000-project unit: every project, each on one page, numbered throughout', async () => {
    const admin = await new Client(running.url).as('admin');
    // a year of its own: 3,000 projects in 2026 would crowd the demo's lists of the suites after this one
    await admin.post('/api/fiscal-years', { year: 2037 });
    const bureau = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance') as { id: string };
    const department = await admin.post('/api/organizations', { name: '地方志办公室', kind: 'department', parentId: bureau.id });
    const unit = await admin.post('/api/organizations', { name: '地方志编纂中心', kind: 'unit', parentId: department.body.id });
    expect(unit.status).toBe(201);
    const imported = await finance.upload(`/api/imports/target-tables?fiscalYear=2037&organizationId=${unit.body.id}`, '三千个项目.xlsx', await targetList(3000));
    expect(imported.body.indicators).toBe(30_000);
    const started = Date.now();
    const print = await printed('target-tables-3000', `/api/target-tables.xlsx?fiscalYear=2037&organizationId=${unit.body.id}`);
    console.log(`3,000-project list printed by LibreOffice in ${((Date.now() - started) / 1000).toFixed(1)} s, ${print.pages.length} pages`);
    const names = new Set(print.words.map((w) => w.text).filter((t) => /^气象项目\d+$/.test(t)));
    expect(names.size).toBe(3000);
    // each project's ten rows kept on one page: a page holds as many first rows (指标1) and last rows (指标10) as project names
    const perPage = (text: string) => print.pages.map((_, p) => print.words.filter((w) => w.page === p + 1 && w.text === text).length);
    const named = print.pages.map((_, p) => print.words.filter((w) => w.page === p + 1 && /^气象项目\d+$/.test(w.text)).length);
    expect(perPage('指标1')).toEqual(named);
    expect(perPage('指标10')).toEqual(named);
    expectCleanPrint(print, ['按期完成年度气象服务任务'], 30_000);
    expect(print.pages.length).toBeGreaterThanOrEqual(Math.ceil(30_000 / 60));
    expect(print.pages.length).toBeLessThanOrEqual(3000);
  });
});
