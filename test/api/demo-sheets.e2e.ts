import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

/** After a start with demo data every role finds work waiting, and the seed quirks show as checks. */
describe('demo target sheets', () => {
  let running: RunningApp;
  const inboxOf = async (username: string) =>
    ((await (await new Client(running.url).as(username)).get('/api/inbox?pageSize=500')).body.items as { kind: string; projectName: string; reason: string }[])
      .filter((i) => i.kind === 'target_sheet')
      .map((i) => `${i.reason}:${i.projectName}`);

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('gives every role of the chain something in its 待办', async () => {
    expect(await inboxOf('zfb.lead')).toEqual(
      expect.arrayContaining(['被退回，待修改:遗属生活补助资金', '调整中，待提交:政务信息工作经费', '待填报:其他人员支出', '调整中，待提交:督办及调研工作经费']),
    );
    expect(await inboxOf('zfb.reviewer')).toEqual(['待审核:政府门户网站运营维护专项经费']);
    expect(await inboxOf('xfj.reviewer')).toEqual(['待审核:信访智能系统及政务热线专项经费']);
    expect(await inboxOf('finance')).toEqual(expect.arrayContaining(['待批复:应急管理经费', '待批复:信访安全保障专项经费']));
  });

  it('pages the 待办 of every kind as one list, oldest first: the pages add up to the whole and a page past the end still counts', async () => {
    const finance = await new Client(running.url).as('finance');
    const whole = (await finance.get('/api/inbox?pageSize=500')).body as { items: { kind: string; since: string }[]; total: number };
    expect(new Set(whole.items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(3);
    expect(whole.total).toBe(whole.items.length);
    expect(whole.items.map((i) => i.since)).toEqual([...whole.items.map((i) => i.since)].sort());
    const pageSize = Math.ceil(whole.total / 3);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push((await finance.get(`/api/inbox?page=${page}&pageSize=${pageSize}`)).body);
    expect(pages.map((p) => p.total)).toEqual([whole.total, whole.total, whole.total]);
    expect(pages.flatMap((p) => p.items)).toEqual(whole.items);
    expect((await finance.get(`/api/inbox?page=9&pageSize=${pageSize}`)).body).toEqual({ items: [], total: whole.total });
  });

  it('loads the two departments’ 2026 overall targets: 政府办 waiting for finance, 信访局 returned', async () => {
    const finance = await new Client(running.url).as('finance');
    const targets = (await finance.get('/api/department-targets?fiscalYear=2026')).body as { departmentName: string; status: string; returned: boolean }[];
    expect(targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentName: '曲靖市人民政府办公室', status: 'submitted', returned: false }),
        expect.objectContaining({ departmentName: '曲靖市信访局', status: 'draft', returned: true }),
      ]),
    );
    const waiting = (await finance.get('/api/inbox?pageSize=500')).body.items.filter((i: { kind: string }) => i.kind === 'department_target');
    expect(waiting).toContainEqual(expect.objectContaining({ unitName: '曲靖市人民政府办公室', fiscalYear: 2026, reason: '部门整体目标待批复' }));
    const xfj = (await (await new Client(running.url).as('xfj.reviewer')).get('/api/inbox?pageSize=500')).body.items;
    expect(xfj).toContainEqual(expect.objectContaining({ kind: 'department_target', fiscalYear: 2026, reason: '部门整体目标被退回，待修改', deadline: '2026-12-15' }));
    const zfb = (await (await new Client(running.url).as('zfb.reviewer')).get('/api/departments/' + (await (await new Client(running.url).as('zfb.reviewer')).get('/api/me')).body.organizationId + '/overall-target/2026')).body;
    expect(zfb).toMatchObject({ status: 'submitted', budget: { total: '27140532.56', basic: '24350532.56', project: '2790000.00' }, checks: [] });
    expect(zfb.indicators).toHaveLength(11);
  });

  it('shows the fiscal year’s deadline on each 待办', async () => {
    const items = (await (await new Client(running.url).as('zfb.reviewer')).get('/api/inbox?pageSize=500')).body.items;
    expect(items.find((i: { kind: string }) => i.kind === 'target_sheet')).toMatchObject({ fiscalYear: 2026, deadline: '2026-12-15' });
  });

  it('loads every published indicator row of the two 2026 tables: 55 for 政府办, 54 for 信访局', async () => {
    for (const [username, expected] of [['zfb.lead', 55], ['xfj.lead', 54]] as const) {
      const client = await new Client(running.url).as(username);
      const projects = (await client.get('/api/projects?fiscalYear=2026')).body.items as { id: string }[];
      const counts = await Promise.all(projects.map(async (p) => (await client.get(`/api/projects/${p.id}/target-sheet`)).body.indicators.length as number));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(expected);
    }
  });

  it('shows the seed quirks as checks on the demo sheets', async () => {
    const lead = await new Client(running.url).as('xfj.lead');
    const find = async (name: string) => {
      const project = ((await lead.get(`/api/projects?q=${encodeURIComponent(name)}`)).body.items as { id: string; name: string }[]).find((p) => p.name === name);
      return (await lead.get(`/api/projects/${project?.id}/target-sheet`)).body.checks as { code: string; message: string }[];
    };
    const transfer = await find('解决特殊疑难信访问题中央补助资金');
    expect(transfer).toContainEqual(expect.objectContaining({ code: 'name-not-a-name', message: '第 1 行：三级指标名称“>=”只是符号或数字，请填写指标名称' }));
    expect(transfer).toContainEqual(expect.objectContaining({ code: 'level2-misplaced' }));
    const hotline = await find('信访智能系统及政务热线专项经费');
    expect(hotline).toContainEqual(expect.objectContaining({ code: 'qualitative-looks-numeric', message: expect.stringContaining('“4小时”像是数值，建议改为定量：≤ 4 小时') }));
  });

  it('shows the returned sheet’s comment and the reviewer’s note on its row', async () => {
    const lead = await new Client(running.url).as('zfb.lead');
    const project = (await lead.get(`/api/projects?q=${encodeURIComponent('遗属生活补助资金')}`)).body.items[0];
    const sheet = (await lead.get(`/api/projects/${project.id}/target-sheet`)).body;
    expect(sheet.status).toBe('draft');
    expect(sheet.sinceReturn).toEqual({
      comment: '发放及时率目标 90% 偏低，补助资金应按月足额发放，请调整后重新提交。',
      rowComments: [{ indicatorId: sheet.indicators[5].id, row: 6, message: '建议设为 100%', resolved: false }],
      changes: [],
    });
    expect(sheet.indicators[5].name).toBe('发放及时率');
  });

  it('opens the 2026 monitoring round at 2026-07-31 with reports in every state and colour, each waiting in the right 待办', async () => {
    const finance = await new Client(running.url).as('finance');
    const round = (await finance.get('/api/monitoring-rounds?fiscalYear=2026')).body.items.find((r: { cutoffDate: string }) => r.cutoffDate === '2026-07-31');
    expect(round).toMatchObject({ cutoffMonth: 7, reports: 6, colours: { red: 1, yellow: 1, green: 3, pending: 1 } });
    const reports = (await finance.get(`/api/monitoring-rounds/${round.id}/reports`)).body.items.map((r: { projectName: string; status: string; colour: string }) => `${r.projectName}:${r.status}:${r.colour}`);
    expect(reports).toEqual(
      expect.arrayContaining([
        '督办及调研工作经费:department_approved:red',
        '政务信息工作经费:draft:yellow',
        '市政府总值班室调度平台运营服务项目经费:submitted:green',
        '《曲靖市人民政府公报》编印费及政府信息公开工作经费:approved:green',
        '政府办机关专项经费:draft:green',
        '办公用房租赁专项经费:draft:null',
      ]),
    );
    const waiting = async (username: string) =>
      ((await (await new Client(running.url).as(username)).get('/api/inbox?pageSize=500')).body.items as { kind: string; reason: string; projectName: string }[])
        .filter((i) => i.kind === 'monitoring_report' || i.kind === 'budget_cut')
        .map((i) => `${i.reason}:${i.projectName}`);
    expect(await waiting('zfb.lead')).toEqual(['监控表草稿，待提交:政务信息工作经费', '监控表被退回，待修改:政府办机关专项经费']);
    expect(await waiting('zfb.reviewer')).toEqual(['监控表待审核:市政府总值班室调度平台运营服务项目经费']);
    expect(await waiting('finance')).toEqual(expect.arrayContaining(['监控表待财政审核:督办及调研工作经费', '调减预算申请待审核:督办及调研工作经费']));
    expect(await waiting('xfj.lead')).toEqual(['监控表待填报:办公用房租赁专项经费']);
    // the red report has led into an adjustment of its target sheet
    const red = (await finance.get(`/api/monitoring-rounds/${round.id}/reports?colour=red`)).body.items[0];
    const detail = (await finance.get(`/api/monitoring-reports/${red.id}`)).body;
    expect(detail.adjustment).toMatchObject({ isAdjustment: true, status: 'draft' });
    expect(detail.indicators[0].warning).toMatchObject({ colour: 'red', explanation: { formula: '2 ÷ (12 × 7/12) = 28.57% → 红（<60%）' } });
  });

  it('reproduces 2024 from its final accounts and opens the 2026 self-evaluation with tables in every state, each waiting in the right 待办', async () => {
    const finance = await new Client(running.url).as('finance');
    const past = (await finance.get('/api/self-evaluations?fiscalYear=2024&pageSize=50')).body;
    expect(past.total).toBe(14);
    expect(past.items.every((e: { status: string; grade: string }) => e.status === 'approved' && e.grade === '优')).toBe(true);
    const one = (await finance.get(`/api/self-evaluations/${past.items[0].id}`)).body;
    expect(one.published).toEqual({ total: expect.any(String), grade: '优' });
    expect(Number(one.total)).toBe(Number(one.published.total));
    const year = (await finance.get('/api/self-evaluations?fiscalYear=2026&pageSize=500')).body.items as { projectName: string; status: string; flags: { code: string }[] }[];
    const state = (name: string) => year.find((e) => e.projectName === name);
    expect(state('《曲靖市人民政府公报》编印费及政府信息公开工作经费')?.status).toBe('approved');
    expect(state('市政府总值班室调度平台运营服务项目经费')?.status).toBe('department_approved');
    expect(state('政府办机关专项经费')).toMatchObject({ status: 'submitted', flags: expect.arrayContaining([expect.objectContaining({ code: 'actuals-equal-targets' })]) });
    // each row shows the forecast the lead gave in the July monitoring report
    const supervision = year.find((e) => e.projectName === '督办及调研工作经费') as unknown as { id: string };
    const rows = (await finance.get(`/api/self-evaluations/${supervision.id}`)).body.indicators as { forecast: string | null }[];
    expect(rows.filter((r) => r.forecast !== null).length).toBeGreaterThan(0);
    // other suites approve 2026 tables of their own; the demo's override is on the 公报 table
    const approved = state('《曲靖市人民政府公报》编印费及政府信息公开工作经费') as unknown as { id: string };
    const overridden = (await finance.get(`/api/self-evaluations/${approved.id}`)).body.indicators.find((i: { override: unknown }) => i.override);
    expect(overridden.override).toMatchObject({ reason: expect.stringContaining('指标值设定偏低'), by: '政府办财务审核' });
    expect(overridden.computedScore).not.toBe(overridden.score);
    const waiting = async (username: string) =>
      ((await (await new Client(running.url).as(username)).get('/api/inbox?pageSize=500')).body.items as { kind: string; reason: string; projectName?: string; unitName: string }[])
        .filter((i) => i.kind === 'self_evaluation' || i.kind === 'department_self_evaluation')
        .map((i) => `${i.reason}:${i.projectName ?? i.unitName}`);
    expect(await waiting('zfb.lead')).toEqual(expect.arrayContaining(['自评表草稿，待提交:政务信息工作经费', '自评表被退回，待修改:督办及调研工作经费']));
    expect(await waiting('xfj.lead')).toEqual(expect.arrayContaining(['自评表待填报:办公用房租赁专项经费']));
    expect(await waiting('zfb.reviewer')).toEqual(expect.arrayContaining(['自评表待审核:政府办机关专项经费']));
    expect(await waiting('xfj.reviewer')).toEqual(expect.arrayContaining(['部门整体支出绩效自评表待填报:曲靖市信访局']));
    expect(await waiting('finance')).toEqual(expect.arrayContaining(['自评表待财政审核:市政府总值班室调度平台运营服务项目经费', '部门整体支出绩效自评表待审核:曲靖市人民政府办公室']));
  });
});
