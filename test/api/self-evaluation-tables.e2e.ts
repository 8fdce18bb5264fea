import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const FINAL_ACCOUNTS_2024 = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 'qujing-govoffice-2024-final-accounts-and-self-evaluation.txt'));
const PAST_YEAR = 2023;
const row = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, weight: string, kind = '定量') => ({ level1, level2, name, comparator, value, unit, kind, weight });
const SHEET = [
  row('产出指标', '数量指标', '道路养护里程', '≥', '120', '公里', '30'),
  row('产出指标', '质量指标', '养护工程合格率', '=', '100', '%', '20'),
  row('效益指标', '社会效益指标', '通行条件改善', '定性', '明显改善', '', '30', '定性'),
  row('满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '10'),
];

async function workbookOf(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}
async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
/** The sheet's row whose 三级指标 (column C) is `name`. */
function rowNamed(sheet: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 3).value === name) return sheet.getRow(r);
  throw new Error(`no row ${name}`);
}

/** The official 项目支出绩效自评表 out and back in, a department's disclosure pack, and a closed year reproduced from its published tables. */
describe('self-evaluation tables', () => {
  let running: RunningApp;
  let admin: Client;
  let finance: Client;
  let lead: Client;
  let reviewer: Client;
  let department: string;
  let unit: string;
  let evaluationId: string;
  let patrolId: string;
  const url = () => `/api/self-evaluations/${evaluationId}`;

  beforeAll(async () => {
    running = await startApp();
    admin = await new Client(running.url).as('admin');
    finance = await new Client(running.url).as('finance');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    department = (await admin.post('/api/organizations', { name: '曲靖市交通运输局', kind: 'department', parentId: financeOrg?.id })).body.id;
    unit = (await admin.post('/api/organizations', { name: '曲靖市公路养护中心', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'jtj.lead', password: 'Road@2026x', displayName: '公路养护中心项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'jtj.reviewer', password: 'Road@2026x', displayName: '交通运输局审核人', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('jtj.lead', 'Road@2026x');
    reviewer = await new Client(running.url).as('jtj.reviewer', 'Road@2026x');
    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: '农村公路养护经费', funds: { total: '2000000.00', currentYearAppropriation: '1800000.00', carryOver: '200000.00', other: '0' } })).body.id;
    expect((await lead.request('PUT', `/api/projects/${projectId}/target-sheet`, { version: 0, indicators: SHEET })).status).toBe(200);
    await lead.post(`/api/projects/${projectId}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post(`/api/projects/${projectId}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post('/api/self-evaluation-rounds', { fiscalYear: 2026, deadline: '2027-03-31' });
    evaluationId = (await lead.get(`/api/self-evaluations?fiscalYear=2026&projectId=${projectId}`)).body.items[0].id;
    const patrol = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name: '公路安全巡查经费', funds: { total: '300000.00', currentYearAppropriation: '300000.00', carryOver: '0', other: '0' } })).body.id;
    await lead.request('PUT', `/api/projects/${patrol}/target-sheet`, { version: 0, indicators: SHEET });
    await lead.post(`/api/projects/${patrol}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${patrol}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post(`/api/projects/${patrol}/target-sheet/approve`, { reviewGrade: '优' });
    await finance.post('/api/self-evaluation-rounds', { fiscalYear: 2026, deadline: '2027-03-31' });
    patrolId = (await lead.get(`/api/self-evaluations?fiscalYear=2026&projectId=${patrol}`)).body.items[0].id;
  });
  afterAll(() => running.close());

  it('exports the 项目支出绩效自评表 in the official layout, with the arithmetic as notes and the indicator ids hidden', async () => {
    const file = await lead.download(`${url()}.xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('农村公路养护经费 项目支出绩效自评表'));
    const sheet = (await workbookOf(file.content)).worksheets[0];
    expect(sheet.getCell('A1').value).toBe('2026年度项目支出绩效自评表');
    expect([sheet.getCell('A2').value, sheet.getCell('B2').value, sheet.getCell('A3').value, sheet.getCell('B3').value, sheet.getCell('E3').value, sheet.getCell('F3').value]).toEqual(['项目名称', '农村公路养护经费', '主管部门', '曲靖市交通运输局', '实施单位', '曲靖市公路养护中心']);
    const header = rowNamed(sheet, '三级指标');
    expect((header.values as unknown[]).slice(1)).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '指标编号']);
    expect(sheet.getColumn(11).hidden).toBe(true);
    const ids = (await lead.get(url())).body.indicators.map((i: { indicatorId: string }) => i.indicatorId);
    expect(SHEET.map((r) => rowNamed(sheet, r.name).getCell(11).value)).toEqual(ids);
    expect(rowNamed(sheet, '道路养护里程').getCell(4).value).toBe('>=');
  });

  it('imports a copy filled in Excel: a dry run previews the scores and stores nothing; the real run saves them', async () => {
    const before = (await lead.get(url())).body;
    const workbook = await workbookOf((await lead.download(`${url()}.xlsx`)).content);
    const sheet = workbook.worksheets[0];
    for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).value === '年度资金总额') sheet.getCell(r, 5).value = 1800000;
    rowNamed(sheet, '道路养护里程').getCell(7).value = 108;
    rowNamed(sheet, '道路养护里程').getCell(10).value = '两段路面改造推迟至明年';
    rowNamed(sheet, '养护工程合格率').getCell(7).value = 100;
    rowNamed(sheet, '通行条件改善').getCell(7).value = '主要路段通行时间缩短';
    rowNamed(sheet, '通行条件改善').getCell(9).value = 27;
    rowNamed(sheet, '群众满意度').getCell(7).value = '95%';
    const bytes = await bytesOf(workbook);

    const dry = await lead.upload(`${url()}/import?dryRun=true`, '自评表.xlsx', bytes);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, changed: 4 });
    expect(dry.body.evaluation.indicators.map((i: { score: string }) => i.score)).toEqual(['27.00', '20.00', '27.00', '10.00']);
    expect(dry.body.evaluation.indicators[0].explanation.formula).toContain('30 × 108 ÷ 120 = 27.00');
    expect(dry.body.evaluation.indicators[2]).toMatchObject({ tier: '达成年度指标', tierScore: '27.00' });
    expect([dry.body.evaluation.budget.score, dry.body.evaluation.total, dry.body.evaluation.grade]).toEqual(['9.00', '93.00', '优']);
    expect((await lead.get(url())).body).toEqual(before);

    const real = await lead.upload(`${url()}/import`, '自评表.xlsx', bytes);
    expect(real.status).toBe(200);
    const saved = (await lead.get(url())).body;
    expect(saved).toMatchObject({ version: before.version + 1, total: '93.00', grade: '优', budget: { executed: '1800000.00' } });
    expect(saved.indicators[0].deviationNote).toBe('两段路面改造推迟至明年');
    const log = (await reviewer.get(`/api/audit?entity=self_evaluation&entityId=${evaluationId}`)).body.items;
    expect(log.some((a: { action: string }) => a.action === 'import')).toBe(true);
  });

  it('refuses a filled copy with any bad row, naming the row of the file and the tier’s range, and stores nothing', async () => {
    const before = (await lead.get(url())).body;
    const workbook = await workbookOf((await lead.download(`${url()}.xlsx`)).content);
    const sheet = workbook.worksheets[0];
    const mileage = rowNamed(sheet, '道路养护里程');
    const tier = rowNamed(sheet, '通行条件改善');
    mileage.getCell(7).value = '一百零八';
    tier.getCell(9).value = 31;
    const bad = await lead.upload(`${url()}/import`, '自评表.xlsx', await bytesOf(workbook));
    expect(bad.status).toBe(400);
    const rows = bad.body.errors.map((e: { row: number }) => e.row);
    expect(rows).toEqual(expect.arrayContaining([mileage.number]));
    expect(bad.body.errors.map((e: { message: string }) => e.message).join('；')).toContain(`第 ${mileage.number} 行`);

    mileage.getCell(7).value = 108;
    tier.getCell(9).value = 31;
    const range = await lead.upload(`${url()}/import`, '自评表.xlsx', await bytesOf(workbook));
    expect(range.status).toBe(400);
    expect(range.body.errors[0]).toMatchObject({ row: tier.number });
    expect(range.body.message).toContain('24.00–30.00');

    tier.getCell(9).value = 27;
    tier.getCell(3).value = '通行条件改善情况';
    tier.getCell(11).value = null;
    const unknown = await lead.upload(`${url()}/import?dryRun=true`, '自评表.xlsx', await bytesOf(workbook));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ row: tier.number, field: '三级指标', message: expect.stringContaining('指标“通行条件改善情况”不在本自评表中') });
    expect((await lead.upload(`${url()}/import`, '自评表.xlsx', Buffer.from('not a workbook'))).status).toBe(400);
    expect((await lead.get(url())).body).toEqual(before);
    expect((await reviewer.upload(`${url()}/import?dryRun=true`, '自评表.xlsx', await bytesOf(workbook))).status).toBe(403);
  });

  it('flags a table whose every actual equals its target; only the reviewer whose turn it is dismisses it, with a reason', async () => {
    const read = (await lead.get(`/api/self-evaluations/${patrolId}`)).body;
    const saved = await lead.request('PUT', `/api/self-evaluations/${patrolId}`, {
      version: read.version,
      budget: { executed: '300000', adjustment: '0' },
      indicators: read.indicators.map((i: { indicatorId: string; value: string; scoringMethod: string; weight: string }) => (i.scoringMethod === 'tier' ? { indicatorId: i.indicatorId, actual: i.value, tier: '达成年度指标', score: i.weight } : { indicatorId: i.indicatorId, actual: i.value })),
    });
    expect(saved.body.flags).toEqual([expect.objectContaining({ code: 'actuals-equal-targets', message: '全部 4 项指标的实际完成值都与指标值完全相同，请核实是否如实填报', dismissed: null })]);
    const dismiss = (client: Client, reason = '已核对佐证资料，确系全部完成') => client.post(`/api/self-evaluations/${patrolId}/flags/actuals-equal-targets/dismiss`, { reason });
    expect((await dismiss(lead)).status).toBe(403);
    expect((await dismiss(reviewer)).status).toBe(409);
    expect((await lead.post(`/api/self-evaluations/${patrolId}/submit`, {})).body.status).toBe('submitted');
    expect((await dismiss(reviewer, ' ')).body.message).toBe('请写明排除该疑点的理由');
    expect((await reviewer.post(`/api/self-evaluations/${patrolId}/flags/far-from-forecast/dismiss`, { reason: '无此疑点' })).status).toBe(409);
    const dismissed = await dismiss(reviewer);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.flags[0].dismissed).toMatchObject({ reason: '已核对佐证资料，确系全部完成', by: '交通运输局审核人' });
    expect(dismissed.body).toMatchObject({ departmentName: '曲靖市交通运输局', parameters: { name: expect.any(String), reverseRule: 'ratio' } });
    const log = (await reviewer.get(`/api/audit?entity=self_evaluation&entityId=${patrolId}`)).body.items;
    expect(log).toContainEqual(expect.objectContaining({ action: 'dismiss_flag', field: 'actuals-equal-targets', newValue: '已核对佐证资料，确系全部完成' }));
  });

  it('packs a department’s approved 自评表 into one workbook for the final accounts', async () => {
    const pack = `/api/self-evaluations/disclosure.xlsx?fiscalYear=2026&departmentId=${department}`;
    expect((await finance.download(pack)).status).toBe(400);
    await lead.post(`${url()}/submit`, {});
    await reviewer.post(`${url()}/approve`, {});
    expect((await finance.post(`${url()}/approve`, {})).body.status).toBe('approved');
    const file = await finance.download(pack);
    expect(file.status).toBe(200);
    const workbook = await workbookOf(file.content);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['1 农村公路养护经费']);
    const sheet = workbook.worksheets[0];
    const closing = sheet.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === '总分');
    expect([closing?.getCell(9).value, closing?.getCell(10).value]).toEqual([93, '优']);
    expect((await (await new Client(running.url).as('zfb.reviewer')).download(pack)).status).toBe(404);
  });

  it('records a closed year from its published tables: all fourteen 2024 自评表 reproduce their 得分, 总分 and 等级, each flagged', async () => {
    expect((await admin.post('/api/fiscal-years', { year: PAST_YEAR })).status).toBe(201);
    expect((await admin.patch(`/api/fiscal-years/${PAST_YEAR}`, { status: 'closed' })).status).toBe(200);
    const path = `/api/imports/self-evaluations?fiscalYear=${PAST_YEAR}&organizationId=${unit}`;
    const byLead = await lead.upload(path, '2024决算.txt', FINAL_ACCOUNTS_2024, 'text/plain');
    expect(byLead.body).toMatchObject({ tables: 14, evaluations: [], notes: ['以前年度的自评表由主管部门或财政录入；本次只保存实际完成值'] });

    const imported = await reviewer.upload(path, '2024决算.txt', FINAL_ACCOUNTS_2024, 'text/plain');
    expect(imported.status).toBe(200);
    const evaluations = imported.body.evaluations;
    expect(evaluations).toHaveLength(14);
    for (const e of evaluations) {
      expect(e).toMatchObject({ action: 'created', reproduced: true, differences: [] });
      expect(e.computed).toEqual({ total: expect.any(String), grade: e.published.grade });
      expect(Number(e.computed.total)).toBe(Number(e.published.total));
      expect(e.flags.map((f: { code: string }) => f.code)).toContain('actuals-equal-targets');
    }
    const one = (await reviewer.get(`/api/self-evaluations/${evaluations[0].selfEvaluationId}`)).body;
    expect(one).toMatchObject({ status: 'approved', fiscalYear: PAST_YEAR, published: { total: evaluations[0].published.total, grade: evaluations[0].published.grade } });
    expect(one.indicators.every((i: { explanation: unknown }) => i.explanation !== null)).toBe(true);
    const versions = (await reviewer.get(`/api/self-evaluations/${one.id}/versions`)).body;
    expect(versions).toEqual([expect.objectContaining({ action: 'import', comment: `据 ${PAST_YEAR} 年度决算公开的项目支出绩效自评表录入` })]);
    const sheet = (await reviewer.get(`/api/projects/${one.projectId}/target-sheet`)).body;
    expect(sheet).toMatchObject({ status: 'approved' });
    expect(sheet.indicators.map((i: { id: string }) => i.id)).toEqual(one.indicators.map((i: { indicatorId: string }) => i.indicatorId));

    const again = await reviewer.upload(path, '2024决算.txt', FINAL_ACCOUNTS_2024, 'text/plain');
    expect(again.body.evaluations.map((e: { action: string }) => e.action)).toEqual(Array(14).fill('unchanged'));
    expect(again.body.evaluations.every((e: { reproduced: boolean }) => e.reproduced)).toBe(true);
  });
});
