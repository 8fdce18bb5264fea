import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

/** After a start with demo data every role finds work waiting, and the seed quirks show as checks. */
describe('demo target sheets', () => {
  let running: RunningApp;
  const inboxOf = async (username: string) =>
    ((await (await new Client(running.url).as(username)).get('/api/inbox')).body.items as { kind: string; projectName: string; reason: string }[])
      .filter((i) => i.kind === 'target_sheet')
      .map((i) => `${i.reason}:${i.projectName}`);

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('gives every role of the chain something in its 待办', async () => {
    expect(await inboxOf('zfb.lead')).toEqual(
      expect.arrayContaining(['被退回，待修改:遗属生活补助资金', '调整中，待提交:政务信息工作经费', '草稿，待提交:《曲靖市人民政府公报》编印费及政府信息公开工作经费']),
    );
    expect(await inboxOf('zfb.reviewer')).toEqual(['待审核:政府门户网站运营维护专项经费']);
    expect(await inboxOf('xfj.reviewer')).toEqual(['待审核:信访智能系统及政务热线专项经费']);
    expect(await inboxOf('finance')).toEqual(expect.arrayContaining(['待批复:应急管理经费', '待批复:信访安全保障专项经费']));
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
    const waiting = (await finance.get('/api/inbox')).body.items.filter((i: { kind: string }) => i.kind === 'department_target');
    expect(waiting).toContainEqual(expect.objectContaining({ unitName: '曲靖市人民政府办公室', fiscalYear: 2026, reason: '部门整体目标待批复' }));
    const xfj = (await (await new Client(running.url).as('xfj.reviewer')).get('/api/inbox')).body.items;
    expect(xfj).toContainEqual(expect.objectContaining({ kind: 'department_target', fiscalYear: 2026, reason: '部门整体目标被退回，待修改', deadline: '2026-12-15' }));
    const zfb = (await (await new Client(running.url).as('zfb.reviewer')).get('/api/departments/' + (await (await new Client(running.url).as('zfb.reviewer')).get('/api/me')).body.organizationId + '/overall-target/2026')).body;
    expect(zfb).toMatchObject({ status: 'submitted', budget: { total: '27140532.56', basic: '24350532.56', project: '2790000.00' }, checks: [] });
    expect(zfb.indicators).toHaveLength(11);
  });

  it('shows the fiscal year’s deadline on each 待办', async () => {
    const items = (await (await new Client(running.url).as('zfb.reviewer')).get('/api/inbox')).body.items;
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
});
