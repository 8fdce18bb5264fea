import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const GOVOFFICE = readFileSync(join(SEEDS, 'qujing-govoffice-2026-budget.txt'));
const PETITION = readFileSync(join(SEEDS, 'qujing-petition-bureau-2026-budget.txt'));
const SELF_EVALUATION_2024 = readFileSync(join(SEEDS, 'qujing-govoffice-2024-final-accounts-and-self-evaluation.txt'));
const HEADER = '单位名称、项目名称\t项目年度绩效目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标属性\t指标内容\t分值';
const URL = (options = '') => `/api/imports/target-tables?fiscalYear=2026${options}`;

/** Official tables in: header-driven, repaired and reported, all or nothing, idempotent; and out again. */
describe('importing and exporting target tables', () => {
  let running: RunningApp;
  let lead: Client;
  let unitId: string;
  let department: string;

  const projectsOfUnit = async () => (await lead.get(`/api/projects?fiscalYear=2026&unitId=${unitId}`)).body.items as { id: string; name: string }[];

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    department = (await admin.post('/api/organizations', { name: '曲靖市审计局', kind: 'department', parentId: finance?.id })).body.id;
    unitId = (await admin.post('/api/organizations', { name: '曲靖市审计局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'sjj.lead', password: 'Audit@2026', displayName: '审计局项目负责人', role: 'project_lead', organizationId: unitId });
    await admin.post('/api/users', { username: 'sjj.reviewer', password: 'Audit@2026', displayName: '审计局财务审核', role: 'department_reviewer', organizationId: department });
    lead = await new Client(running.url).as('sjj.lead', 'Audit@2026');
  });
  afterAll(() => running.close());

  it('previews seed 000 as a whole disclosure document: 9 projects, 55 indicators, 20 repairs (and 9 from its 中期规划), nothing stored', async () => {
    const reply = await lead.upload(URL('&dryRun=true'), '政府办2026年部门预算.txt', GOVOFFICE, 'text/plain');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ dryRun: true, fiscalYear: 2026, unitId, unitName: '曲靖市审计局（本级）', tables: 2, indicators: 55, errors: [] });
    expect(reply.body.projects).toHaveLength(9);
    expect(reply.body.projects.every((p: { action: string }) => p.action === 'created')).toBe(true);
    // 20 of the reader's, and each new project's money and category from the 中期规划预算表
    expect(reply.body.repairs).toHaveLength(29);
    expect(reply.body.repairs).toContainEqual({ source: '政府办2026年部门预算.txt', row: 126, column: null, message: '整行向右错位 2 列，已按表头对齐' });
    // the tables name 政府办, not 审计局: said, for the clerk to confirm
    expect(reply.body.warnings).toEqual([{ code: 'unit-mismatch', namedUnit: '曲靖市人民政府办公室', message: '表格中写明的单位是“曲靖市人民政府办公室”，而导入到的是“曲靖市审计局（本级）”：请确认导入到了正确的预算单位' }]);
    expect(await projectsOfUnit()).toEqual([]);
  });

  it('imports it in one go, and a second import of the same file changes nothing', async () => {
    const first = await lead.upload(URL(), 'seed000.txt', GOVOFFICE, 'text/plain');
    expect(first.status).toBe(200);
    const projects = await projectsOfUnit();
    expect(projects).toHaveLength(9);
    const sheets = await Promise.all(projects.map(async (p) => (await lead.get(`/api/projects/${p.id}/target-sheet`)).body));
    expect(sheets.reduce((n, s) => n + s.indicators.length, 0)).toBe(55);
    const versions = sheets.map((s) => s.version);
    const again = await lead.upload(URL(), 'seed000.txt', GOVOFFICE, 'text/plain');
    expect(again.body.projects.map((p: { action: string }) => p.action)).toEqual(Array(9).fill('unchanged'));
    const after = await Promise.all(projects.map(async (p) => (await lead.get(`/api/projects/${p.id}/target-sheet`)).body.version));
    expect(after).toEqual(versions);
    expect(await projectsOfUnit()).toHaveLength(9);
  });

  it('exports the unit’s table in the official layout, and the export imports back unchanged', async () => {
    const file = await lead.download(`/api/target-tables.xlsx?fiscalYear=2026&organizationId=${unitId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(file.headers.get('content-disposition') ?? '')).toContain('曲靖市审计局（本级） 2026 年项目支出绩效目标表.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('曲靖市审计局（本级） 2026 年项目支出绩效目标表');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:4' });
    expect(sheet.getCell('C3').value).toBe('一级指标');
    expect(Object.keys((sheet as unknown as { _merges: object })._merges).length).toBeGreaterThan(20);
    const back = await lead.upload(URL('&dryRun=true'), 'export.xlsx', file.content, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ indicators: 55, errors: [] });
    expect(back.body.projects.map((p: { action: string }) => p.action)).toEqual(Array(9).fill('unchanged'));
  });

  it('exports one project as the per-project form, which imports back unchanged', async () => {
    const project = (await projectsOfUnit()).find((p) => p.name === '遗属生活补助资金') as { id: string };
    const file = await lead.download(`/api/projects/${project.id}/target-sheet.xlsx`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect([sheet.getCell('A2').value, sheet.getCell('B2').value, sheet.getCell('A4').value, sheet.getCell('A6').value]).toEqual(['项目名称', '遗属生活补助资金', '项目资金（万元）', '一级指标']);
    const back = await lead.upload(URL('&dryRun=true'), 'form.xlsx', file.content);
    expect(back.body).toMatchObject({ tables: 1, indicators: 9, errors: [] });
    expect(back.body.projects).toEqual([expect.objectContaining({ name: '遗属生活补助资金', action: 'unchanged' })]);
  });

  it('takes 上年完成值 from the 2024 self-evaluations of seed 001 when the 2026 targets come in again', async () => {
    const results = await lead.upload('/api/imports/self-evaluations', 'seed001.txt', SELF_EVALUATION_2024, 'text/plain');
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ fiscalYear: 2024, unitId, tables: 14, projects: 14, results: 72 });
    expect((await lead.upload('/api/imports/self-evaluations', 'seed001.txt', SELF_EVALUATION_2024, 'text/plain')).body.results).toBe(72);
    const again = await lead.upload(URL(), 'seed000.txt', GOVOFFICE, 'text/plain');
    const office = again.body.projects.find((p: { name: string }) => p.name === '政府办机关专项经费');
    expect(office).toMatchObject({ action: 'updated', lastYearFilled: 2 });
    const sheet = (await lead.get(`/api/projects/${office.projectId}/target-sheet`)).body;
    expect(sheet.indicators.map((r: { name: string; lastYearActual: string | null }) => [r.name, r.lastYearActual]).slice(0, 2)).toEqual([
      ['办公用品及设备购置完成率', '100'],
      ['聘请劳务人员数', '30'],
    ]);
    expect((await lead.upload('/api/imports/self-evaluations', 'seed000.txt', GOVOFFICE, 'text/plain')).body.message).toBe('没有找到项目支出绩效自评表：表头应含“一级指标”“三级指标”“实际完成值”，表上方应有项目名称');
  });

  it('exports the department summary, a 三级指标 | 指标值 pair per 一级, which the importer reads back', async () => {
    const finance = await new Client(running.url).as('finance');
    const file = await finance.download(`/api/department-summary.xlsx?fiscalYear=2026&organizationId=${department}`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('曲靖市审计局 2026 年部门预算项目绩效目标汇总表');
    expect([sheet.getCell('E2').value, sheet.getCell('G2').value, sheet.getCell('E3').value, sheet.getCell('F3').value]).toEqual(['成本指标', '产出指标', '三级指标', '指标值']);
    const back = await lead.upload(URL('&dryRun=true'), 'summary.xlsx', file.content);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ tables: 1, indicators: 55, errors: [] });
    expect(back.body.projects).toHaveLength(9);
    expect(back.body.repairs.filter((r: { message: string }) => r.message.includes('的二级指标按名称推断为'))).toHaveLength(55);
  });

  it('creates a project from a summary with its 年度预算 in 万元 as 当年财政拨款, and says so', async () => {
    const text = [
      ['项目编码', '项目名称', '年度预算（万元）', '产出指标', '', '效益指标', '', '满意度指标', ''].join('\t'),
      ['', '', '', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值'].join('\t'),
      ['53039901', '审计信息化运维经费', '24.50', '系统可用率', '≥99%', '审计效率提升', '有效提升', '使用人员满意度', '≥90%'].join('\t'),
    ].join('\n');
    const reply = await lead.postText(URL(), text);
    expect(reply.status).toBe(200);
    expect(reply.body.repairs).toContainEqual(expect.objectContaining({ column: '年度预算（万元）', message: '“审计信息化运维经费”的年度预算 245,000.00 元记为当年财政拨款（表中未列资金来源）' }));
    const project = (await lead.get(`/api/projects/${reply.body.projects[0].projectId}`)).body;
    expect(project).toMatchObject({ code: '53039901', funds: { total: '245000.00', currentYearAppropriation: '245000.00', carryOver: '0.00', other: '0.00' } });
  });

  it('replaces a draft, refuses a sheet under review, and gives an approved sheet an adjustment draft', async () => {
    const table = (audits: string, goal = '完成年度审计项目') =>
      [
        HEADER,
        ['审计专项经费', goal, '产出指标', '数量指标', '审计项目数', '>=', audits, '个', '定量指标', '', '30'].join('\t'),
        ['', '', '效益指标', '社会效益', '审计发现问题整改率', '>=', '90', '%', '定量指标', '', '30'].join('\t'),
        ['', '', '满意度指标', '服务对象满意度', '被审计单位满意度', '>=', '90', '%', '定量指标', '', '30'].join('\t'),
      ].join('\n');
    const send = (audits: string, goal?: string) => lead.postText(URL(), table(audits, goal));
    const created = await send('20');
    expect(created.body.projects).toEqual([expect.objectContaining({ name: '审计专项经费', action: 'created', indicators: 3, blocking: 0 })]);
    const id = created.body.projects[0].projectId;
    const before = (await lead.get(`/api/projects/${id}/target-sheet`)).body.indicators.map((r: { id: string }) => r.id);
    expect((await send('22')).body.projects[0].action).toBe('updated');
    expect((await send('22', '完成年度审计项目 20 个')).body.projects[0].action).toBe('updated');
    // an import keeps the identity of the indicators it matches by name
    expect((await lead.get(`/api/projects/${id}/target-sheet`)).body.indicators.map((r: { id: string }) => r.id)).toEqual(before);
    expect((await lead.get(`/api/projects/${id}`)).body.overallGoal).toBe('完成年度审计项目 20 个');
    expect((await lead.post(`/api/projects/${id}/target-sheet/submit`, {})).body.status).toBe('submitted');

    const underReview = await send('25');
    expect(underReview.status).toBe(400);
    expect(underReview.body.errors[0].message).toContain('“审计专项经费”的绩效目标正在审核中，不能导入覆盖');

    await (await new Client(running.url).as('sjj.reviewer', 'Audit@2026')).post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' });
    expect((await (await new Client(running.url).as('finance')).post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' })).body.status).toBe('approved');
    expect((await send('25')).body.projects[0].action).toBe('adjusted');
    const adjusted = (await lead.get(`/api/projects/${id}/target-sheet`)).body;
    expect(adjusted).toMatchObject({ status: 'draft', isAdjustment: true });
    expect(adjusted.indicators[0]).toMatchObject({ name: '审计项目数', value: '25' });
    // the adjustment keeps the ids of the rows it keeps
    expect(adjusted.indicators.map((r: { id: string }) => r.id)).toEqual(before);
  });

  it('reads a messy workbook: two sheets, merged cells, cached formula results, rich text, numbers as text and percentages', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('项目一');
    first.addRow(['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值']);
    first.addRow(['档案数字化经费', '产出指标', '数量指标', '数字化卷数', '≥', { formula: '2000*6', result: 12000 }, '卷', '30']);
    first.addRow(['', '', '质量指标', { richText: [{ text: '数字化' }, { text: '合格率', font: { bold: true } }] }, '≥', 0.95, '', '30']);
    first.getCell('F3').numFmt = '0%';
    first.addRow(['', '满意度指标', '服务对象满意度', '查档群众满意度', '≥', '90', '%', '30']);
    first.mergeCells('A2:A4');
    first.mergeCells('B2:B3');
    const second = workbook.addWorksheet('项目二');
    second.addRow(['项目名称', '一级指标', '二级指标', '三级指标', '指标值']);
    second.addRow(['档案馆安防经费', '效益指标', '社会效益', '安全事故发生次数', '=0 次']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const reply = await lead.upload(URL('&dryRun=true'), '档案局.xlsx', content);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ tables: 2, indicators: 4, errors: [] });
    expect(reply.body.projects.map((p: { name: string; indicators: number }) => [p.name, p.indicators])).toEqual([
      ['档案数字化经费', 3],
      ['档案馆安防经费', 1],
    ]);
    const text = [HEADER, ['档案数字化经费', '', '产出指标', '数量指标', '数字化卷数', '>=', '12000', '卷', '定量指标', '', '30'].join('\t')].join('\n');
    expect((await lead.postText(URL('&dryRun=true'), text)).body.projects[0]).toMatchObject({ name: '档案数字化经费', indicators: 1 });
    const stored = await lead.upload(URL(), '档案局.xlsx', content);
    const id = stored.body.projects[0].projectId;
    const sheet = (await lead.get(`/api/projects/${id}/target-sheet`)).body;
    expect(sheet.indicators.map((r: { level1: string; name: string; value: string; unit: string }) => [r.level1, r.name, r.value, r.unit])).toEqual([
      ['产出指标', '数字化卷数', '12000', '卷'],
      ['产出指标', '数字化合格率', '95', '%'],
      ['满意度指标', '查档群众满意度', '90', '%'],
    ]);
  });

  it('refuses bad files with a Chinese reason and stores nothing', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await lead.upload(URL(), 'photo.png', png, 'image/png')).body.message).toBe('文件不是 .xlsx 表格，也不是可识别编码（UTF-8、UTF-16、GBK）的文本；请上传 .xlsx，或将表格另存为制表符分隔的文本');
    expect((await lead.upload(URL(), 'old.xls', Buffer.from('d0cf11e0a1b11ae1', 'hex'))).body.message).toBe('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后再导入');
    expect((await lead.upload(URL(), 'empty.xlsx', Buffer.alloc(0))).body.message).toBe('上传的文件是空的');
    expect((await lead.upload(URL(), 'broken.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64)]))).body.message).toBe('无法读取该 .xlsx 文件：文件已损坏或不是 Excel 表格');
    expect((await lead.upload(URL(), 'notes.txt', '会议纪要\n第一项\t第二项', 'text/plain')).body.message).toBe('没有找到绩效目标表：表头应含“一级指标”“三级指标”“指标值”等列');
    const huge = await lead.upload(URL(), 'huge.txt', Buffer.alloc(21 * 1024 * 1024, 0x41), 'text/plain');
    expect(huge).toMatchObject({ status: 413, body: { message: '文件超过 20 MB，请拆分后再上传' } });
    expect((await lead.request('POST', URL(), undefined)).body.message).toBe('请上传 .xlsx 文件，或粘贴从表格复制的内容');
    expect((await lead.upload('/api/imports/target-tables?fiscalYear=2099', 'a.txt', HEADER, 'text/plain')).body.message).toBe('2099 年度尚未设立，请联系管理员');
    expect((await lead.upload('/api/imports/target-tables?fiscalYear=1999', 'a.txt', HEADER, 'text/plain')).body.message).toBe('预算年度应为 2000–2100 之间的年份');
    expect(await projectsOfUnit()).toHaveLength(13);
  });

  it('is all or nothing: a bad weight at the end of a 3,000-row table stores none of it', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 3000; i++) lines.push([i % 10 === 0 ? `批量项目${i / 10}` : '', '', '产出指标', '数量指标', `指标${i}`, '>=', String(i), '次', '定量指标', '', '10'].join('\t'));
    lines[3000] = lines[3000].replace(/\t10$/, '\t十分');
    const reply = await lead.postText(URL(), lines.join('\n'));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('导入内容有 1 处问题，未导入任何内容');
    expect(reply.body.errors).toEqual([{ row: 3001, field: '分值', message: '粘贴的表格 第 3001 行（分值）：分值“十分”不是数字' }]);
    expect(reply.body.preview).toMatchObject({ indicators: 2999, projects: expect.any(Array) });
    expect(await projectsOfUnit()).toHaveLength(13);
  });

  it('lets a department reviewer import into a unit it chooses or its department, and not elsewhere', async () => {
    const reviewer = await new Client(running.url).as('sjj.reviewer', 'Audit@2026');
    expect((await reviewer.upload(URL('&dryRun=true'), 'seed002.txt', PETITION, 'text/plain')).body.message).toBe('请选择导入到哪个预算单位');
    const preview = await reviewer.upload(URL(`&dryRun=true&organizationId=${unitId}`), 'seed002.txt', PETITION, 'text/plain');
    expect(preview.body).toMatchObject({ tables: 2, indicators: 54, errors: [] });
    expect(preview.body.projects).toHaveLength(7);
    expect(preview.body.repairs.filter((r: { column: string }) => r.column === '三级指标')).toHaveLength(11);
    const zfbUnit = (await (await new Client(running.url).as('zfb.lead')).get('/api/me')).body.organizationId;
    expect((await reviewer.upload(URL(`&organizationId=${zfbUnit}`), 'seed002.txt', PETITION, 'text/plain')).status).toBe(404);
    const intoDepartment = await reviewer.upload(URL(`&dryRun=true&organizationId=${department}`), 'seed002.txt', PETITION, 'text/plain');
    // at department level the table's name row (曲靖市信访局) is the unit of the projects under it: a new unit, said in the preview
    expect([intoDepartment.status, intoDepartment.body.units]).toEqual([200, [expect.objectContaining({ unitName: '曲靖市信访局', action: 'created', projects: 7 })]]);
    expect((await lead.upload(URL(`&organizationId=${zfbUnit}`), 'seed002.txt', PETITION, 'text/plain')).status).toBe(404);
  });

  it('lets a reviewer create projects by import but never overwrite a draft or start an adjustment, in a dry run as in the real one', async () => {
    const reviewer = await new Client(running.url).as('sjj.reviewer', 'Audit@2026');
    const table = (name: string, value: string) =>
      [
        HEADER,
        [name, '保障审计工作', '产出指标', '数量指标', '审计报告数', '>=', value, '份', '定量指标', '', '50'].join('\t'),
        ['', '', '效益指标', '社会效益', '整改落实率', '>=', '90', '%', '定量指标', '', '30'].join('\t'),
        ['', '', '满意度指标', '服务对象满意度', '被审计单位满意度', '>=', '90', '%', '定量指标', '', '10'].join('\t'),
      ].join('\n');
    const into = (dryRun: boolean) => URL(`&organizationId=${unitId}${dryRun ? '&dryRun=true' : ''}`);

    const created = await reviewer.postText(into(false), table('审计业务培训经费', '10'));
    expect(created.status).toBe(200);
    expect(created.body.projects).toEqual([expect.objectContaining({ name: '审计业务培训经费', action: 'created' })]);
    const id = created.body.projects[0].projectId;
    expect((await lead.get(`/api/projects/${id}/target-sheet`)).body).toMatchObject({ status: 'draft', version: 1 });

    // the draft now exists: overwriting it is the lead's, in a dry run and in the real run alike
    for (const dryRun of [true, false]) {
      const refused = await reviewer.postText(into(dryRun), table('审计业务培训经费', '12'));
      expect([refused.status, refused.body.message]).toEqual([403, '只有项目负责人可以导入覆盖绩效目标']);
    }
    expect((await lead.get(`/api/projects/${id}/target-sheet`)).body.indicators[0].value).toBe('10');
    // the same table again changes nothing, so it is not refused
    expect((await reviewer.postText(into(false), table('审计业务培训经费', '10'))).body.projects[0].action).toBe('unchanged');

    await lead.post(`/api/projects/${id}/target-sheet/submit`, {});
    await reviewer.post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' });
    await (await new Client(running.url).as('finance')).post(`/api/projects/${id}/target-sheet/approve`, { reviewGrade: '优' });
    for (const dryRun of [true, false]) {
      const refused = await reviewer.postText(into(dryRun), table('审计业务培训经费', '12'));
      expect([refused.status, refused.body.message]).toEqual([403, '只有项目负责人可以发起调整绩效目标']);
    }
    expect((await lead.get(`/api/projects/${id}/target-sheet`)).body).toMatchObject({ status: 'approved', isAdjustment: false });
  });

  it('reads a table as other provinces write it: placeholders, spaces, a 二级 named as its 一级, and a 上年完成值 in another unit kept as written', async () => {
    const text = [
      ['项目名称', '年度绩效目标', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '指标值设定依据', '上年完成值', '分值'].join('\t'),
      ['--|----|----', '', '', '', '', '', '', '', '', ''].join('\t'),
      ['乡村公路养护补助资金', '<p>完成农村公路养护 320 公里</p>', '产出指标', '数量指标', '养护 里程', '≥ 320', '公里', '-', '—', '30'].join('\t'),
      ['', '', '', '时效指标', '响应及时率', '≥90%', '', '/', '24 小时', '20'].join('\t'),
      ['', '', '效益指标', '社会效益', '通行条件', '明显改善', '', '无', '', '30'].join('\t'),
      ['', '', '满意 度指 标', '满意度指标', '群众满意度', '≥90', '%', '', '', '10'].join('\t'),
    ].join('\n');
    const reply = await lead.postText(URL(), text);
    expect([reply.status, reply.body.errors]).toEqual([200, []]);
    const sheet = (await lead.get(`/api/projects/${reply.body.projects[0].projectId}/target-sheet`)).body;
    expect(sheet.indicators.map((i: Record<string, unknown>) => [i.level1, i.level2, i.name, i.comparator, i.value, i.unit, i.basis, i.lastYearActual, i.lastYearActualText])).toEqual([
      ['产出指标', '数量指标', '养护里程', '≥', '320', '公里', '', null, null],
      ['产出指标', '时效指标', '响应及时率', '≥', '90', '%', '', null, '24 小时'],
      ['效益指标', '社会效益指标', '通行条件', '定性', '明显改善', '', '', null, null],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '', null, null],
    ]);
    expect(sheet.checks).toContainEqual(expect.objectContaining({ row: 2, field: 'lastYearActual', severity: 'warning', code: 'last-year-not-comparable' }));
    expect(sheet.checks.filter((c: { severity: string }) => c.severity === 'blocking')).toEqual([]);
    const project = (await lead.get(`/api/projects/${reply.body.projects[0].projectId}`)).body;
    expect(project.overallGoal).toBe('完成农村公路养护 320 公里');
  });

  it('imports a department summary with unit rows at department level: units matched by code or name, or created, and said', async () => {
    const admin = await new Client(running.url).as('admin');
    expect((await admin.request('PATCH', `/api/organizations/${unitId}`, { code: '103001' })).status).toBe(200);
    const reviewer = await new Client(running.url).as('sjj.reviewer', 'Audit@2026');
    const T = (...cells: string[]) => cells.join('\t');
    const text = [
      '2026年部门预算项目绩效目标汇总表',
      T('项目编码', '项目名称', '年度预算（万元）', '产出指标', '', '效益指标', '', '满意度指标', ''),
      T('', '', '', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值'),
      T('103001 曲靖市审计局（本级）', '', '20.00', '', '', '', '', '', ''),
      T('53039911', '审计业务外包经费', '20.00', '外包审计项目', '≥12个', '审计问题整改率', '≥90%', '被审计单位满意度', '≥85%'),
      T('103002', '曲靖市审计信息中心', '', '', '', '', '', '', ''),
      T('53039921', '审计数据平台运维经费', '15.00', '系统可用率', '≥99%', '数据分析效率', '明显提升', '使用人员满意度', '≥90%'),
      T('合计', '', '35.00', '', '', '', '', '', ''),
    ].join('\n');
    const preview = await reviewer.postText(URL(`&dryRun=true&organizationId=${department}`), text);
    expect([preview.status, preview.body.errors]).toEqual([200, []]);
    expect(preview.body.units).toEqual([
      expect.objectContaining({ unitName: '曲靖市审计局（本级）', action: 'matched', projects: 1 }),
      expect.objectContaining({ unitName: '曲靖市审计信息中心', code: '103002', action: 'created', projects: 1 }),
    ]);
    expect(preview.body.repairs).toContainEqual(expect.objectContaining({ message: '新建预算单位“曲靖市审计信息中心”（编码 103002），隶属于“曲靖市审计局”' }));
    expect(preview.body.projects.map((p: { name: string; unitName: string }) => [p.name, p.unitName])).toEqual([
      ['审计业务外包经费', '曲靖市审计局（本级）'],
      ['审计数据平台运维经费', '曲靖市审计信息中心'],
    ]);
    const organizations = async () => ((await admin.get('/api/organizations')).body as { name: string; parentId: string | null }[]).filter((o) => o.parentId === department).map((o) => o.name);
    expect(await organizations()).toEqual(['曲靖市审计局（本级）']);

    const stored = await reviewer.postText(URL(`&organizationId=${department}`), text);
    expect(stored.status).toBe(200);
    expect((await organizations()).sort()).toEqual(['曲靖市审计信息中心', '曲靖市审计局（本级）'].sort());
    const centre = stored.body.units[1].unitId;
    const projects = (await reviewer.get(`/api/projects?fiscalYear=2026&unitId=${centre}`)).body.items;
    expect(projects.map((p: { name: string }) => p.name)).toEqual(['审计数据平台运维经费']);
    const again = await reviewer.postText(URL(`&dryRun=true&organizationId=${department}`), text);
    expect(again.body.units.map((u: { action: string }) => u.action)).toEqual(['matched', 'matched']);

    const withoutUnits = [text.split('\n')[1], text.split('\n')[2], text.split('\n')[4]].join('\n');
    const refused = await reviewer.postText(URL(`&dryRun=true&organizationId=${department}`), withoutUnits);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toContain('无法确定属于哪个预算单位');
  });
});

