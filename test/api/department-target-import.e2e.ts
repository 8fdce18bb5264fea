import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const PASSWORD = 'Forest@2026x';

/** A 部门（单位）整体绩效目标表 as a province publishes it: label column, budget in 万元, indicators with 分值. */
const TABLE = [
  '曲靖市自然资源和规划局2026年部门（单位）整体绩效目标表',
  '部门（单位）名称\t曲靖市自然资源和规划局',
  '年度履职目标\t（一）加强森林草原防火，森林火灾受害率控制在 0.9‰ 以内；（二）推进国土绿化，完成营造林任务。',
  '年度主要任务\t任务名称\t主要内容',
  '\t森林草原防火\t开展防火巡护和隐患排查，建设防火通道。',
  '\t国土绿化\t完成营造林 10 万亩。',
  '预算情况（万元）\t年度预算总额\t基本支出\t项目支出\t财政拨款\t上年结转\t其他资金',
  '\t1,250.00\t850.00\t400.00\t1200.00\t0\t50.00',
  '一级指标\t二级指标\t三级指标\t指标值\t分值',
  '投入管理指标\t预算和财务管理\t预算执行率\t≥90%\t10',
  '产出指标\t数量指标\t营造林面积\t≥10万亩\t30',
  '\t时效指标\t防火巡护按期完成率\t=100%\t20',
  '效益指标\t生态效益\t森林覆盖率\t≥52%\t20',
  '满意度指标\t满意度指标\t林农满意度\t≥90%\t20',
].join('\n');

/** 部门（单位）整体绩效目标表 in: into the department's draft overall target, all or nothing, by its own reviewer. */
describe('importing a 部门（单位）整体绩效目标表', () => {
  let running: RunningApp;
  let department: string;
  let reviewer: Client;
  const url = (options = '') => `/api/imports/department-targets?fiscalYear=2026${options}`;
  const target = () => reviewer.get(`/api/departments/${department}/overall-target/2026`);

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    department = (await admin.post('/api/organizations', { name: '曲靖市自然资源和规划局', kind: 'department', parentId: finance?.id })).body.id;
    const unit = (await admin.post('/api/organizations', { name: '曲靖市自然资源和规划局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'zrj.reviewer', password: PASSWORD, displayName: '自然资源局财务审核', role: 'department_reviewer', organizationId: department });
    await admin.post('/api/users', { username: 'zrj.lead', password: PASSWORD, displayName: '自然资源局项目负责人', role: 'project_lead', organizationId: unit });
    reviewer = await new Client(running.url).as('zrj.reviewer', PASSWORD);
  });
  afterAll(() => running.close());

  it('previews the table on a dry run and stores nothing', async () => {
    const reply = await reviewer.upload(url('&dryRun=true'), '自然资源局.txt', TABLE, 'text/plain');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      dryRun: true,
      fiscalYear: 2026,
      tables: 1,
      errors: [],
      warnings: [],
      departments: [{ departmentId: department, name: '曲靖市自然资源和规划局', action: 'created', duties: 2, tasks: 2, indicators: 5, blocking: 0 }],
    });
    expect(reply.body.departments[0].budget).toEqual({ total: '12500000.00', basic: '8500000.00', project: '4000000.00', appropriation: '12000000.00', carryOver: '0.00', other: '500000.00' });
    expect(reply.body.repairs).toContainEqual({ source: '自然资源局.txt', row: 10, column: '分值', message: '部门整体绩效目标不设分值，分值列只作核对，不导入' });
    expect((await target()).body).toMatchObject({ version: 0, duties: [], indicators: [] });
  });

  it('lands as the department’s draft, shown by the overall target; the same table again changes nothing', async () => {
    const reply = await reviewer.postText(url(), TABLE);
    expect([reply.status, reply.body.departments[0].action]).toEqual([200, 'created']);
    const stored = (await target()).body;
    expect(stored).toMatchObject({
      status: 'draft',
      version: 1,
      duties: ['加强森林草原防火，森林火灾受害率控制在 0.9‰ 以内', '推进国土绿化，完成营造林任务。'],
      tasks: [
        { name: '森林草原防火', content: '开展防火巡护和隐患排查，建设防火通道。' },
        { name: '国土绿化', content: '完成营造林 10 万亩。' },
      ],
      budget: { total: '12500000.00', basic: '8500000.00', project: '4000000.00', appropriation: '12000000.00', carryOver: '0.00', other: '500000.00' },
      checks: [],
      actions: expect.arrayContaining(['submit']),
    });
    expect(stored.indicators.map((r: { level1: string; level2: string; name: string; comparator: string; value: string; unit: string; weight: string | null }) => [r.level1, r.level2, r.name, r.comparator, r.value, r.unit, r.weight])).toEqual([
      ['投入管理指标', '预算和财务管理', '预算执行率', '≥', '90', '%', null],
      ['产出指标', '数量指标', '营造林面积', '≥', '10', '万亩', null],
      ['产出指标', '时效指标', '防火巡护按期完成率', '=', '100', '%', null],
      ['效益指标', '生态效益指标', '森林覆盖率', '≥', '52', '%', null],
      ['满意度指标', '服务对象满意度指标', '林农满意度', '≥', '90', '%', null],
    ]);
    const again = await reviewer.postText(url(), TABLE);
    expect(again.body.departments[0].action).toBe('unchanged');
    expect((await target()).body.version).toBe(1);
    const changed = await reviewer.postText(url(), TABLE.replace('≥52%', '≥53%'));
    expect(changed.body.departments[0].action).toBe('updated');
    const after = (await target()).body;
    expect(after.version).toBe(2);
    // rows keep their ids across an import (matched by 一级/二级/三级)
    expect(after.indicators.map((r: { id: string }) => r.id)).toEqual(stored.indicators.map((r: { id: string }) => r.id));
    const log = (await new Client(running.url).as('finance')).get(`/api/audit?entity=department_target`);
    expect((await log).body.items.filter((e: { action: string; newValue: string }) => e.action === 'import' && e.newValue.includes('5 条指标'))).toHaveLength(2);
  });

  it('refuses a bad row with its row and field, and stores nothing', async () => {
    const bad = TABLE.replace('\t时效指标\t防火巡护按期完成率\t=100%\t20', '\t时效指标\t防火巡护按期完成率\t=100%\t二十').replace('效益指标\t生态效益', '成本指标\t经济成本指标');
    const reply = await reviewer.postText(url(), bad);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('导入内容有 2 处问题，未导入任何内容');
    expect(reply.body.errors).toEqual([
      { row: 12, field: '分值', message: '粘贴的表格 第 12 行（分值）：分值“二十”不是数字' },
      { row: 13, field: '一级指标', message: '粘贴的表格 第 13 行（一级指标）：一级指标“成本指标”不在部门整体绩效指标字典中（应为 投入管理指标、产出指标、效益指标、满意度指标、履职效能 之一）' },
    ]);
    expect(reply.body.preview.departments[0].action).toBe('updated');
    expect((await target()).body.version).toBe(2);
    const none = await reviewer.postText(url(), '会议纪要\n第一项\t第二项');
    expect([none.status, none.body.message]).toEqual([400, '没有找到部门（单位）整体绩效目标表：表中应有“部门整体绩效目标表”标题，或“年度履职目标”和绩效指标（一级指标、三级指标、指标值）']);
  });

  it('finds the table inside a whole disclosure document, and reads nothing else of it', async () => {
    const document = [readFileSync(join(SEEDS, 'qujing-govoffice-2026-budget.txt'), 'utf8'), '## 2026年部门整体绩效目标表', TABLE.replace('≥52%', '≥53%').split('\n').slice(1).join('\n'), readFileSync(join(SEEDS, 'qujing-petition-bureau-2026-budget.txt'), 'utf8')].join('\n');
    const reply = await reviewer.upload(url('&dryRun=true'), '自然资源局预算公开.txt', document, 'text/plain');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ tables: 1, errors: [], departments: [{ action: 'unchanged', indicators: 5 }] });
  });

  it('reads an .xlsx upload with merged cells, and its own export back', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('部门整体绩效目标表');
    sheet.addRow(['曲靖市自然资源和规划局 2026 年部门整体绩效目标表']);
    sheet.addRow(['部门名称', '曲靖市自然资源和规划局', '', '', '']);
    sheet.addRow(['年度履职目标', '1. 加强森林草原防火。\n2. 推进国土绿化。', '', '', '']);
    sheet.addRow(['预算情况（元）', '预算总额', '基本支出', '项目支出', '财政拨款']);
    sheet.addRow(['', 1000000, 600000, 400000, 1000000]);
    sheet.addRow(['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值']);
    sheet.addRow(['年度绩效指标', '产出指标', '数量指标', '营造林面积', '≥10万亩']);
    sheet.addRow(['年度绩效指标', '', '', '新建防火通道', '≥20公里']);
    sheet.addRow(['年度绩效指标', '效益指标', '生态效益', '森林覆盖率', '≥52%']);
    sheet.mergeCells('A1:E1');
    sheet.mergeCells('B2:E2');
    sheet.mergeCells('B3:E3');
    sheet.mergeCells('A6:A9');
    sheet.mergeCells('B7:B8');
    sheet.mergeCells('C7:C8');
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const reply = await reviewer.upload(url('&dryRun=true'), '自然资源局.xlsx', content);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ errors: [], departments: [{ action: 'updated', duties: 2, tasks: 0, indicators: 3 }] });
    expect(reply.body.departments[0].budget).toMatchObject({ total: '1000000.00', basic: '600000.00', project: '400000.00', appropriation: '1000000.00' });

    const exported = await reviewer.download(`/api/departments/${department}/overall-target/2026/table.xlsx`);
    expect(exported.status).toBe(200);
    const back = await reviewer.upload(url('&dryRun=true'), '导出.xlsx', exported.content);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ errors: [], departments: [{ action: 'unchanged', duties: 2, tasks: 2, indicators: 5 }] });
  });

  it('is the department reviewer’s: a unit lead 403, another department 404, finance 403; a submitted target 409', async () => {
    const lead = await new Client(running.url).as('zrj.lead', PASSWORD);
    expect((await lead.postText(url(`&dryRun=true&organizationId=${department}`), TABLE)).status).toBe(403);
    const other = await new Client(running.url).as('xfj.reviewer');
    expect((await other.postText(url(`&dryRun=true&organizationId=${department}`), TABLE)).status).toBe(404);
    const finance = await new Client(running.url).as('finance');
    expect((await finance.postText(url(`&dryRun=true&organizationId=${department}`), TABLE)).status).toBe(403);
    const bad = await reviewer.postText('/api/imports/department-targets?fiscalYear=今年&dryRun=maybe', TABLE);
    expect([bad.status, bad.body.errors.map((e: { field: string }) => e.field).sort()]).toEqual([400, ['dryRun', 'fiscalYear']]);

    const version = (await target()).body.version;
    expect((await reviewer.post(`/api/departments/${department}/overall-target/2026/submit`, { version })).body.status).toBe('submitted');
    for (const dryRun of ['true', 'false']) {
      const refused = await reviewer.postText(url(`&dryRun=${dryRun}`), TABLE.replace('≥53%', '≥55%'));
      expect([refused.status, refused.body.message]).toEqual([409, expect.stringContaining('待财政审核')]);
    }
    expect((await target()).body).toMatchObject({ status: 'submitted', version: version + 1 });
  });
});
