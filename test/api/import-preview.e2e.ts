import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const GOVOFFICE = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 'qujing-govoffice-2026-budget.txt'));
const URL = (options = '') => `/api/imports/target-tables?fiscalYear=2026${options}`;
const HEADER = ['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值'].join('\t');

interface Plan {
  name: string;
  projectId: string;
  blocking: number;
  warnings: number;
  checks: { severity: string; row: number | null; field: string | null; message: string }[];
  fundsTotal?: string | null;
  category?: string | null;
}

/** The preview of issue 14: the unit a table names confirmed, every counted problem listed, money from the document's budget tables, doubtful blocks flagged. */
describe('the import preview', () => {
  let running: RunningApp;
  let lead: Client;
  let unitId: string;

  const projectsOfUnit = async () => (await lead.get(`/api/projects?fiscalYear=2026&unitId=${unitId}`)).body.items as { id: string; name: string }[];

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = (await admin.post('/api/organizations', { name: '曲靖市档案局', kind: 'department', parentId: finance?.id })).body.id;
    unitId = (await admin.post('/api/organizations', { name: '曲靖市档案局（本级）', kind: 'unit', parentId: department })).body.id;
    await admin.post('/api/users', { username: 'daj.lead', password: 'Archive@2026', displayName: '档案局项目负责人', role: 'project_lead', organizationId: unitId });
    lead = await new Client(running.url).as('daj.lead', 'Archive@2026');
  });
  afterAll(() => running.close());

  it('previews seed 000: the unit it names, every check it counts, the 中期规划 money as repairs, the four doubtful blocks', async () => {
    const reply = await lead.upload(URL('&dryRun=true'), 'seed000.txt', GOVOFFICE, 'text/plain');
    expect([reply.status, reply.body.errors]).toEqual([200, []]);
    expect(reply.body.warnings).toEqual([
      { code: 'unit-mismatch', namedUnit: '曲靖市人民政府办公室', message: '表格中写明的单位是“曲靖市人民政府办公室”，而导入到的是“曲靖市档案局（本级）”：请确认导入到了正确的预算单位' },
    ]);
    const plans = reply.body.projects as Plan[];
    for (const plan of plans) {
      expect(plan.checks.filter((c) => c.severity === 'blocking')).toHaveLength(plan.blocking);
      expect(plan.checks.filter((c) => c.severity === 'warning')).toHaveLength(plan.warnings);
    }
    expect(plans.reduce((n, p) => n + p.blocking + p.warnings, 0)).toBeGreaterThan(0);
    const relief = plans.find((p) => p.name === '遗属生活补助资金');
    expect(relief).toMatchObject({ fundsTotal: '37560.00', category: '312 民生类' });
    expect(reply.body.repairs).toContainEqual({
      source: 'seed000.txt',
      row: 244,
      column: '年度预算总额',
      message: '“遗属生活补助资金”的年度预算总额 37,560.00 元、项目分类“312 民生类”取自同一文件的“2026年部门项目支出中期规划预算表”第 244 行，记为当年财政拨款',
    });
    expect(reply.body.repairs).toHaveLength(20 + 9);
    expect(reply.body.doubts.map((d: { project: string; rows: number[]; nextProject: string }) => [d.project, d.rows, d.nextProject])).toEqual([
      ['《曲靖市人民政府公报》编印费及政府信息公开工作经费', [112], '政府门户网站运营维护专项经费'],
      ['政府门户网站运营维护专项经费', [118, 119], '应急管理经费'],
      ['应急管理经费', [125], '曲靖市政府网站集约化平台服务项目经费'],
      ['曲靖市政府网站集约化平台服务项目经费', [129], '政务信息工作经费'],
    ]);
    expect(await projectsOfUnit()).toEqual([]);
  });

  it('imports into another unit than the table names with the warning in the answer (the page asks; SPEC §11: the API does not), creating the projects with their money and category', async () => {
    const stored = await lead.upload(URL(), 'seed000.txt', GOVOFFICE, 'text/plain');
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ dryRun: false, warnings: [expect.objectContaining({ code: 'unit-mismatch' })] });
    expect(await projectsOfUnit()).toHaveLength(9);
    const relief = (stored.body.projects as Plan[]).find((p) => p.name === '遗属生活补助资金') as Plan;
    const project = (await lead.get(`/api/projects/${relief.projectId}`)).body;
    expect(project).toMatchObject({ category: '312 民生类', level: '本级', funds: { total: '37560.00', currentYearAppropriation: '37560.00', carryOver: '0.00', other: '0.00' } });
  });

  it('a table naming the unit imported into needs no confirmation; an existing project keeps its money (no repair)', async () => {
    const text = [
      '2026年项目支出绩效目标表',
      '单位名称：曲靖市档案局',
      HEADER,
      ['档案数字化经费', '产出指标', '数量指标', '数字化卷数', '>=', '12000', '卷', '30'].join('\t'),
      '',
      '2026年部门项目支出中期规划预算表',
      '单位：万元',
      ['项目单位', '项目分类', '项目名称', '项目级次', '一般公共预算'].join('\t'),
      ['', '', '', '', '2026年'].join('\t'),
      ['', '311 专项业务类', '档案数字化经费', '本级', '48.25'].join('\t'),
    ].join('\n');
    const created = await lead.postText(URL(), text);
    expect([created.status, created.body.warnings]).toEqual([200, []]);
    const plan = created.body.projects[0] as Plan;
    expect(plan).toMatchObject({ name: '档案数字化经费', fundsTotal: '482500.00', category: '311 专项业务类' });
    expect((await lead.get(`/api/projects/${plan.projectId}`)).body.funds.total).toBe('482500.00');
    const again = await lead.postText(URL('&dryRun=true'), text.replace('12000', '13000'));
    expect(again.body.projects[0]).toMatchObject({ action: 'updated' });
    expect(again.body.projects[0].fundsTotal).toBeUndefined();
    expect(again.body.repairs.filter((r: { message: string }) => r.message.includes('取自同一文件'))).toEqual([]);
  });
});
