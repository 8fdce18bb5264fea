import ExcelJS from 'exceljs';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const row = (level1: string, level2: string, name: string, comparator: string, value: string, unit: string, weight: string, kind = '定量', evidence = '') => ({
  level1, level2, name, comparator, value, unit, kind, weight, evidence,
});
/** 产出 50 + 效益 30 + 满意度 10 = 90; one of each direction. */
const SHEET = [
  row('产出指标', '数量指标', '调研次数', '≥', '12', '次', '20', '定量', '调研报告'),
  row('产出指标', '质量指标', '问题整改率', '≥', '95', '%', '15'),
  row('产出指标', '成本指标', '调研成本', '≤', '90', '万元', '15'),
  row('效益指标', '社会效益指标', '决策参考作用', '定性', '作用明显', '', '30', '定性'),
  row('满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '10'),
];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Mid-year monitoring (SPEC §5, §12): a round, reports with explained colours, the chain, red follow-ups, evidence. */
describe('monitoring rounds and reports', () => {
  let running: RunningApp;
  let admin: Client;
  let lead: Client;
  let reviewer: Client;
  let finance: Client;
  let department: string;
  let unit: string;
  let projectId: string;
  let otherProjectId: string;
  let roundId: string;
  let reportId: string;
  let ids: string[];

  const report = (id = reportId) => `/api/monitoring-reports/${id}`;
  const approvedProject = async (name: string) => {
    const id = (await lead.post('/api/projects', { fiscalYear: 2026, unitId: unit, name, funds: { total: '1200000.00', currentYearAppropriation: '1200000.00', carryOver: '0', other: '0' } })).body.id;
    expect((await lead.request('PUT', `/api/projects/${id}/target-sheet`, { version: 0, indicators: SHEET })).status).toBe(200);
    await lead.post(`/api/projects/${id}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' });
    expect((await finance.post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' })).body.status).toBe('approved');
    return id;
  };
  const fill = (over: Record<string, unknown>[] = [], budget = { executed: '600000', forecast: '1200000' }, version?: number) =>
    lead.request('PUT', report(), {
      version: version ?? 0,
      budget,
      goalProgress: '上半年完成调研 6 次',
      indicators: [
        { indicatorId: ids[0], current: '6', forecast: '12', likelihood: '确定能' },
        { indicatorId: ids[1], current: '96', forecast: '96', likelihood: '确定能' },
        { indicatorId: ids[2], current: '40', forecast: '85', likelihood: '确定能' },
        { indicatorId: ids[3], current: '达成目标', forecast: '达成目标', likelihood: '确定能' },
        { indicatorId: ids[4], current: '92', forecast: '92', likelihood: '确定能' },
      ].map((r, i) => ({ ...r, ...(over[i] ?? {}) })),
    });

  beforeAll(async () => {
    running = await startApp();
    admin = await new Client(running.url).as('admin');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    department = (await admin.post('/api/organizations', { name: '曲靖市住房和城乡建设局', kind: 'department', parentId: financeOrg?.id })).body.id;
    unit = (await admin.post('/api/organizations', { name: '曲靖市住房和城乡建设局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'zjj.lead', password: 'House@2026x', displayName: '住建局项目负责人', role: 'project_lead', organizationId: unit });
    await admin.post('/api/users', { username: 'zjj.reviewer', password: 'House@2026x', displayName: '住建局审核人', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('zjj.lead', 'House@2026x');
    reviewer = await new Client(running.url).as('zjj.reviewer', 'House@2026x');
    finance = await new Client(running.url).as('finance');
    projectId = await approvedProject('城市更新调研经费');
    otherProjectId = await approvedProject('保障性住房巡查经费');
  });
  afterAll(() => running.close());

  it('lets finance open a round: one report per approved project, each in its lead’s 待办 with the deadline', async () => {
    const body = { fiscalYear: 2026, cutoffDate: '2026-06-30', deadline: '2026-07-10', departmentIds: [department] };
    expect((await lead.post('/api/monitoring-rounds', body)).status).toBe(403);
    expect((await finance.post('/api/monitoring-rounds', { ...body, cutoffDate: '2026-13-01' })).status).toBe(400);
    expect((await finance.post('/api/monitoring-rounds', { ...body, deadline: '2026-06-01' })).body.message).toBe('填报截止日期 2026-06-01 早于截至日期 2026-06-30');
    const opened = await finance.post('/api/monitoring-rounds', body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ fiscalYear: 2026, cutoffDate: '2026-06-30', cutoffMonth: 6, deadline: '2026-07-10', reports: 2, colours: { pending: 2 } });
    roundId = opened.body.id;
    // opening it again adds nothing new and answers the same round
    expect((await finance.post('/api/monitoring-rounds', body)).body).toMatchObject({ id: roundId, reports: 2 });
    const inbox = (await lead.get('/api/inbox?pageSize=500')).body.items.filter((i: { kind: string }) => i.kind === 'monitoring_report');
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ projectId, reason: '监控表待填报', deadline: '2026-07-10', cutoffDate: '2026-06-30' })]));
    reportId = inbox.find((i: { projectId: string }) => i.projectId === projectId).reportId;
  });

  it('answers the report with the approved indicators and their ids, and no colour until filed', async () => {
    const reply = await lead.get(report());
    const sheet = (await lead.get(`/api/projects/${projectId}/target-sheet`)).body;
    expect(reply.body).toMatchObject({ id: reportId, version: 0, status: 'draft', roundId, cutoffMonth: 6, projectId, colour: null, budget: { annual: '1200000.00', executed: null, rate: null, warning: null } });
    ids = reply.body.indicators.map((r: { indicatorId: string }) => r.indicatorId);
    expect(ids).toEqual(sheet.indicators.map((r: { id: string }) => r.id));
    expect(reply.body.actions).toEqual(['save', 'import', 'submit']);
    expect(reply.body.missingEvidence).toEqual([ids[0]]);
    expect((await (await new Client(running.url).as('zfb.reviewer')).get(report())).status).toBe(404);
  });

  it('colours every row with its arithmetic (SPEC §5) and the report with the worst', async () => {
    const saved = await fill();
    expect(saved.status).toBe(200);
    const [count, rate, cost, effect, satisfaction] = saved.body.indicators.map((r: { warning: unknown }) => r.warning);
    expect(count).toMatchObject({ colour: 'green', ratio: '100.00', explanation: { formula: '6 ÷ (12 × 6/12) = 100.00% → 绿（80%–120%）' } });
    expect(rate).toMatchObject({ colour: 'blue', ratio: '202.11' });
    expect(cost).toMatchObject({ colour: 'green', explanation: { formula: '40 ≤ 90（在限值内）→ 绿' } });
    expect(effect).toMatchObject({ colour: 'green', explanation: { formula: '达成目标 → 绿' } });
    expect(satisfaction.colour).toBe('blue');
    expect(saved.body.budget).toMatchObject({ executed: '600000.00', rate: '50.00', warning: { colour: 'green', ratio: '100.00', explanation: { formula: '600,000.00 ÷ (1,200,000.00 × 6/12) = 100.00% → 绿（≥80%）' } } });
    expect(saved.body.colour).toBe('green');

    const lagging = await fill([{ current: '4' }], undefined, saved.body.version);
    expect(lagging.body.indicators[0].warning).toMatchObject({ colour: 'yellow', ratio: '66.67', explanation: { formula: '4 ÷ (12 × 6/12) = 66.67% → 黄（60%–80%）', inputs: { 当前完成值: '4', 指标值: '12', 截止月份: '6' } } });
    expect(lagging.body.colour).toBe('yellow');
  });

  it('refuses values of the wrong form with the row and field, and a stale version with 409', async () => {
    const current = (await lead.get(report())).body.version;
    const bad = await fill([{ current: '六次' }, {}, {}, { current: '基本完成' }, { reasons: ['天气'] }], undefined, current);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { row: 1, field: 'current', message: '第 1 行“调研次数”：截至当前完成值“六次”不是数字' },
      { row: 4, field: 'current', message: '第 4 行“决策参考作用”：定性指标的完成情况应为“达成目标”“部分达成目标并具有一定效果”“未达成目标且效果较差”之一' },
      { row: 5, field: 'reasons', message: '第 5 行“群众满意度”：偏差原因“天气”不在可选范围（经费保障、制度保障、人员保障、硬件条件保障、其他）内' },
    ]);
    expect((await fill([], { executed: '-5', forecast: '1' }, current)).body.errors).toEqual([{ field: 'budget', message: '执行数不能为负数' }]);
    expect((await fill([], undefined, current - 1)).status).toBe(409);
    expect((await lead.get(report())).body.version).toBe(current);
  });

  it('cannot submit a red row without its 偏差原因, explanation and 纠偏措施', async () => {
    const version = (await lead.get(report())).body.version;
    const red = await fill([{ current: '1', likelihood: '有可能' }, {}, { current: '95' }], undefined, version);
    expect(red.body.colour).toBe('red');
    expect(red.body.indicators[2].warning.explanation.formula).toBe('95 > 90（超出限值）→ 红');
    const refused = await lead.post(`${report()}/submit`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['1:reasons', '1:reasonNote', '1:measures', '3:reasons', '3:reasonNote', '3:measures']);
    const explained = await fill(
      [
        { current: '1', likelihood: '有可能', reasons: ['经费保障'], reasonNote: '调研经费下达较晚', measures: '下半年集中开展调研' },
        {},
        { current: '95', reasons: ['其他'], reasonNote: '差旅费上涨', measures: '压减会务开支' },
      ],
      undefined,
      red.body.version,
    );
    expect(explained.body.checks.filter((c: { severity: string }) => c.severity === 'blocking')).toEqual([]);
  });

  it('leads a red report into a target adjustment that names it, and a budget-cut request finance sees in 待办', async () => {
    expect((await reviewer.post(`${report()}/adjustment`, {})).status).toBe(403);
    const adjusted = await lead.post(`${report()}/adjustment`, {});
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.adjustment).toEqual({ projectId, status: 'draft', isAdjustment: true });
    const sheet = (await lead.get(`/api/projects/${projectId}/target-sheet`)).body;
    expect(sheet).toMatchObject({ status: 'draft', isAdjustment: true, adjustmentSource: { reportId, cutoffDate: '2026-06-30', indicatorIds: [ids[0], ids[2]] } });

    expect((await lead.post(`${report()}/budget-cut`, { amount: '0', reason: '无' })).body.message).toBe('调减金额应为大于 0 的金额（元）');
    const cut = await lead.post(`${report()}/budget-cut`, { amount: '200000.00', reason: '调研任务压缩' });
    expect(cut.body.budgetCut).toMatchObject({ amount: '200000.00', status: 'submitted', reportId });
    expect((await lead.post(`${report()}/budget-cut`, { amount: '1.00', reason: '再来一次' })).status).toBe(409);
    const waiting = (await finance.get('/api/inbox?pageSize=500')).body.items.filter((i: { kind: string }) => i.kind === 'budget_cut');
    expect(waiting).toContainEqual(expect.objectContaining({ budgetCutId: cut.body.budgetCut.id, reportId, reason: '调减预算申请待审核' }));
    expect((await reviewer.post(`/api/budget-cuts/${cut.body.budgetCut.id}/approve`, {})).status).toBe(403);
    expect((await finance.post(`/api/budget-cuts/${cut.body.budgetCut.id}/approve`, { comment: '同意调减' })).body.status).toBe('approved');
  });

  it('takes evidence by content and size, and shows which named evidence is missing', async () => {
    const bad = await lead.upload(`${report()}/evidence`, '调研报告.pdf', Buffer.from('MZ this is a program'), 'application/pdf');
    expect([bad.status, bad.body.message]).toEqual([400, '“调研报告.pdf”不是可接受的佐证资料：请上传 PDF、图片（JPG、PNG、GIF、WebP）、Word、Excel、PowerPoint 或 OFD 文件']);
    const form = new FormData();
    form.append('indicatorId', ids[0]);
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '调研报告.pdf');
    const token = (lead as unknown as { token: string }).token;
    const uploaded = await fetch(`${running.url}${report()}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const file = await uploaded.json();
    expect(file).toMatchObject({ indicatorId: ids[0], fileName: '调研报告.pdf', contentType: 'application/pdf', size: PDF.length });
    const read = (await reviewer.get(report())).body;
    expect(read.evidence).toHaveLength(1);
    expect(read.missingEvidence).toEqual([]);
    const download = await reviewer.download(`/api/evidence/${file.id}`);
    expect([download.status, download.content.equals(PDF)]).toEqual([200, true]);
    expect((await (await new Client(running.url).as('xfj.lead')).download(`/api/evidence/${file.id}`)).status).toBe(404);
  });

  it('runs the chain: submit, return with a comment, resubmit, department and finance approve — one of two simultaneous approvals wins', async () => {
    expect((await lead.post(`${report()}/submit`, {})).body.status).toBe('submitted');
    expect((await lead.request('PUT', report(), { version: 99, budget: { executed: '1', forecast: '1' }, indicators: [] })).status).toBe(409);
    expect((await finance.post(`${report()}/approve`, {})).body.message).toBe('当前应由主管部门审核');
    expect((await reviewer.post(`${report()}/return`, {})).body.message).toBe('退回时请填写退回意见');
    const returned = await reviewer.post(`${report()}/return`, { comment: '偏差原因请写具体', rowComments: [{ indicatorId: ids[2], message: '差旅费上涨多少？' }] });
    expect(returned.body.status).toBe('draft');
    expect(returned.body.sinceReturn).toEqual({ comment: '偏差原因请写具体', rowComments: [{ indicatorId: ids[2], row: 3, message: '差旅费上涨多少？', resolved: false }] });
    expect((await lead.get('/api/inbox?pageSize=500')).body.items).toContainEqual(expect.objectContaining({ reportId, reason: '监控表被退回，待修改' }));
    await lead.post(`${report()}/submit`, {});
    expect((await reviewer.post(`${report()}/approve`, {})).body.status).toBe('department_approved');
    const second = await admin.post('/api/users', { username: 'finance.mon', password: 'Finance@2026x', displayName: '财政局监控审核', role: 'finance_reviewer', organizationId: (await finance.get('/api/me')).body.organizationId });
    expect(second.status).toBe(201);
    const other = await new Client(running.url).as('finance.mon', 'Finance@2026x');
    const replies = await Promise.all([finance.post(`${report()}/approve`, {}), other.post(`${report()}/approve`, {})]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const versions = (await lead.get(`${report()}/versions`)).body.map((v: { action: string }) => v.action);
    expect(versions).toEqual(['submit', 'return', 'submit', 'approve', 'approve']);
  });

  it('closes a round (no more filing, with a logged reason to reopen) and counts colours within each scope', async () => {
    const closed = await finance.post(`/api/monitoring-rounds/${roundId}/close`, { reason: '填报期结束' });
    expect(closed.body.status).toBe('closed');
    const other = (await lead.get('/api/inbox?pageSize=500')).body.items.find((i: { kind: string; projectId: string }) => i.kind === 'monitoring_report' && i.projectId === otherProjectId);
    expect(other).toBeUndefined();
    const otherReport = (await finance.get(`/api/monitoring-rounds/${roundId}/reports?projectId=${otherProjectId}`)).body.items[0].id;
    const late = await lead.request('PUT', report(otherReport), { version: 0, budget: { executed: '1', forecast: '1' }, indicators: [] });
    expect([late.status, late.body.message]).toEqual([409, '监控批次（截至 2026-06-30）已关闭，不能再填报；如需修改，请联系财政部门重新开启']);
    expect((await finance.post(`/api/monitoring-rounds/${roundId}/reopen`, { reason: '' })).status).toBe(400);
    expect((await finance.post(`/api/monitoring-rounds/${roundId}/reopen`, { reason: '两个单位申请延期' })).body.status).toBe('open');
    const log = (await finance.get(`/api/audit?entity=monitoring_round&entityId=${roundId}`)).body.items.map((e: { action: string; newValue: string }) => `${e.action}:${e.newValue}`);
    expect(log).toEqual(expect.arrayContaining(['close:closed：填报期结束', 'reopen:open：两个单位申请延期']));

    const mine = (await reviewer.get('/api/monitoring-rounds?fiscalYear=2026')).body.items.find((r: { id: string }) => r.id === roundId);
    expect(mine).toMatchObject({ reports: 2, colours: { red: 1, pending: 1 } });
    expect((await (await new Client(running.url).as('zfb.reviewer')).get('/api/monitoring-rounds?fiscalYear=2026')).body.items.find((r: { id: string }) => r.id === roundId)).toMatchObject({ reports: 0 });
    const dashboard = (await finance.get(`/api/monitoring-rounds/${roundId}/dashboard`)).body;
    expect(dashboard).toMatchObject({ timeProgress: '50.00', departments: [{ departmentId: department, red: 1, pending: 1, annual: '1200000.00', executed: '600000.00', rate: '50.00' }] });
    expect((await finance.get(`/api/monitoring-rounds/${roundId}/reports?colour=red`)).body).toMatchObject({ total: 1, items: [{ id: reportId, colour: 'red', status: 'approved' }] });
    expect((await finance.get(`/api/monitoring-rounds/${roundId}/reports?colour=purple`)).status).toBe(400);
    expect((await lead.get(`/api/monitoring-reports?projectId=${projectId}`)).body.items).toEqual([expect.objectContaining({ id: reportId, cutoffDate: '2026-06-30', colour: 'red', budgetRate: '50.00' })]);
  });

  it('exports the 执行监控表 with its colours, and imports a copy filled in Excel back into the same indicators', async () => {
    const exported = await lead.download(`${report()}.xlsx`);
    expect(exported.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.content as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('2026 年项目支出绩效目标执行监控表（截至 2026-06-30）');
    const texts = sheet.getSheetValues().flat().map((v) => String(v ?? ''));
    expect(texts).toEqual(expect.arrayContaining(['城市更新调研经费', '全年预算数（元）', '1-6月执行数（元）', '50.00%', '红：1 ÷ (12 × 6/12) = 16.67% → 红（<60%）']));
    const list = await finance.download(`/api/monitoring-rounds/${roundId}/reports.xlsx`);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load(list.content as unknown as ArrayBuffer);
    expect(summary.worksheets[0].getRow(4).values).toEqual(expect.arrayContaining(['曲靖市住房和城乡建设局', '城市更新调研经费', '50.00%', '红']));

    // the lead of the other project fills the exported table in Excel and uploads it
    const otherReport = (await finance.get(`/api/monitoring-rounds/${roundId}/reports?projectId=${otherProjectId}`)).body.items[0].id;
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.load((await lead.download(`${report(otherReport)}.xlsx`)).content as unknown as ArrayBuffer);
    const form = blank.worksheets[0];
    const header = form.getSheetValues().findIndex((r) => Array.isArray(r) && r.includes('完成目标可能性'));
    form.getRow(4).getCell(4).value = 480000;
    form.getRow(4).getCell(8).value = 1100000;
    const values: [string, string, string][] = [['5', '12', '确定能'], ['97', '97', '确定能'], ['50', '88', '确定能'], ['部分达成目标并具有一定效果', '达成目标', '有可能'], ['91', '91', '确定能']];
    values.forEach(([current, forecast, likelihood], i) => {
      const line = form.getRow(header + 1 + i);
      line.getCell(5).value = current;
      line.getCell(6).value = forecast;
      line.getCell(7).value = likelihood;
    });
    const filled = Buffer.from(await blank.xlsx.writeBuffer());
    const maybe = await lead.upload(`${report(otherReport)}/import?dryRun=maybe`, '监控表.xlsx', filled);
    expect([maybe.status, maybe.body.errors[0]?.message]).toEqual([400, 'dryRun 应为 true 或 false']);
    const preview = await lead.upload(`${report(otherReport)}/import?dryRun=true`, '监控表.xlsx', filled);
    expect(preview.body).toMatchObject({ dryRun: true, rows: 5, colour: 'yellow', errors: [] });
    expect((await lead.get(report(otherReport))).body.version).toBe(0);
    const stored = await lead.upload(`${report(otherReport)}/import`, '监控表.xlsx', filled);
    expect(stored.status).toBe(200);
    const after = (await lead.get(report(otherReport))).body;
    expect(after).toMatchObject({ version: 1, colour: 'yellow', budget: { executed: '480000.00', forecast: '1100000.00', rate: '40.00' } });
    expect(after.indicators.map((r: { current: string }) => r.current)).toEqual(['5', '97', '50', '部分达成目标并具有一定效果', '91']);

    form.getRow(header + 2).getCell(5).value = '九十七';
    const wrong = await lead.upload(`${report(otherReport)}/import`, '监控表.xlsx', Buffer.from(await blank.xlsx.writeBuffer()));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ row: header + 2, field: 'current', message: `绩效目标执行监控表 第 ${header + 2} 行：“问题整改率”：截至当前完成值“九十七”不是数字` }]);
    expect((await lead.get(report(otherReport))).body.version).toBe(1);
  });
});
