import { Client, Reply } from '../support/http';
import { RunningApp, startApp } from '../support/app';

const PASSWORD = 'Layout@2026';
const YEAR = 2026;
const URL = (options = '') => `/api/imports/target-tables?fiscalYear=${YEAR}${options}`;

/** A header no synonym names: the reader finds no target table in it until a clerk maps its columns. */
const HEADER = ['考核大类', '考核小类', '考核内容', '目标要求', '计量', '项目'];
const COLUMNS = ['level1', 'level2', 'name', 'value', 'unit', 'project'];
const BODY = [
  ['产出指标', '数量指标', '培训人次', '≥500', '人次', '基层干部培训经费'],
  ['', '质量指标', '培训合格率', '≥95', '%', ''],
  ['效益指标', '社会效益指标', '群众办事满意度', '明显提升', '', ''],
  ['产出指标', '数量指标', '巡查次数', '≥120', '次', '森林防火经费'],
  ['满意度指标', '服务对象满意度指标', '林区群众满意度', '≥90', '%', ''],
];
const tsv = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
const TABLE = tsv(['2026年培训考核表'], HEADER, ...BODY);
/** The same table copied with other spacing: a full-width space, spaces inside names, trailing cells. */
const SPACED = tsv(['2026年培训考核表'], [' 考核 大类', '考核小类 ', '考 核 内 容', '目标\u3000要求', '计  量', '项目', ''], ...BODY);
/** Another header, two rows, for the layout finance shares. */
const TWO_ROWS = [
  ['项目', '考核指标', '', '', '目标', ''],
  ['', '大类', '小类', '内容', '要求', '计量'],
];
const SHARED_TABLE = tsv(...TWO_ROWS, ['乡村道路养护经费', '产出指标', '数量指标', '养护里程', '≥30', '公里'], ['', '满意度指标', '服务对象满意度指标', '群众满意度', '≥90', '%']);

/** An upload as the import page sends it: the file and the form's other fields. */
async function upload(client: Client, path: string, content: string, fields: Record<string, string> = {}): Promise<Reply> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([Buffer.from(content)], { type: 'text/plain' }), '考核表.txt');
  const response = await fetch(client.base + path, { method: 'POST', headers: client.token ? { authorization: `Bearer ${client.token}` } : {}, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

const put = (client: Client, path: string, body: unknown) => client.request('PUT', path, body);
const remove = (client: Client, path: string) => client.request('DELETE', path);
const names = (reply: Reply) => (reply.body.items as { name: string }[]).map((l) => l.name);

/** 版式 (SPEC §7): a header mapped by hand, saved for the organisation, used for the next table with that header. */
describe('import layouts mapped by hand', () => {
  let running: RunningApp;
  let lead: Client;
  let reviewer: Client;
  let otherLead: Client;
  let finance: Client;
  let unitId: string;
  let otherUnitId: string;
  let layoutId: string;
  let sharedId: string;

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    const financeOrg = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance')?.id;
    const department = (await admin.post('/api/organizations', { name: '曲靖市版式测试局', kind: 'department', parentId: financeOrg })).body.id;
    unitId = (await admin.post('/api/organizations', { name: '曲靖市版式测试局（本级）', kind: 'unit', parentId: department })).body.id;
    const otherDepartment = (await admin.post('/api/organizations', { name: '曲靖市版式对照局', kind: 'department', parentId: financeOrg })).body.id;
    otherUnitId = (await admin.post('/api/organizations', { name: '曲靖市版式对照局（本级）', kind: 'unit', parentId: otherDepartment })).body.id;
    const users = [
      ['bsj.lead', '版式测试局项目负责人', 'project_lead', unitId],
      ['bsj.reviewer', '版式测试局审核', 'department_reviewer', department],
      ['bsdz.lead', '版式对照局项目负责人', 'project_lead', otherUnitId],
      ['bs.finance', '财政局版式管理', 'finance_reviewer', financeOrg],
    ];
    for (const [username, displayName, role, organizationId] of users) {
      const created = await admin.post('/api/users', { username, password: PASSWORD, displayName, role, organizationId });
      if (created.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(created.body)}`);
    }
    [lead, reviewer, otherLead, finance] = await Promise.all(['bsj.lead', 'bsj.reviewer', 'bsdz.lead', 'bs.finance'].map((u) => new Client(running.url).as(u, PASSWORD)));
  });
  afterAll(() => running.close());

  it('finds no target table in a header it cannot place: 400, nothing stored', async () => {
    const reply = await upload(lead, URL('&dryRun=true'), TABLE);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('没有找到绩效目标表：表头应含“一级指标”“三级指标”“指标值”等列');
  });

  it('shows the table as read for the mapping screen, with no header found and the columns to choose from', async () => {
    const reply = await upload(lead, '/api/imports/table-grid', TABLE);
    expect(reply.status).toBe(200);
    expect(reply.body.tables).toEqual([{ source: '考核表.txt', rows: [['2026年培训考核表'], HEADER, ...BODY.map((r) => r.slice(0, r.findLastIndex((c) => c !== '') + 1))], rowNumbers: [1, 2, 3, 4, 5, 6, 7], header: null }]);
    expect(reply.body.choices).toContainEqual({ column: 'level1', label: '一级指标' });
    expect(reply.body.choices).toHaveLength(18);
  });

  it('previews the same upload with the mapping in its `layout` field: the projects, the layout named, nothing stored', async () => {
    const reply = await upload(lead, URL('&dryRun=true'), TABLE, { layout: JSON.stringify({ header: [HEADER], columns: COLUMNS, skipRows: 0 }) });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ dryRun: true, unitId, tables: 1, indicators: 5, errors: [], layouts: [{ id: null, name: '未保存的版式' }] });
    expect(reply.body.projects.map((p: { name: string; action: string; indicators: number }) => [p.name, p.action, p.indicators])).toEqual([
      ['基层干部培训经费', 'created', 3],
      ['森林防火经费', 'created', 2],
    ]);
    expect(reply.body.repairs).toContainEqual({ source: '考核表.txt', row: 2, column: null, message: '按版式“未保存的版式”读取表头' });
    expect((await lead.get(`/api/projects?fiscalYear=${YEAR}&unitId=${unitId}`)).body.items).toEqual([]);
  });

  it.each([
    ['no JSON', '{header:', '版式（layout）应为 JSON，例如 {"header": [["考核大类", "考核内容", "目标要求"]], "columns": ["level1", "name", "value"]}'],
    ['a list instead of an object', '[1, 2]', '版式（layout）应为 JSON，例如 {"header": [["考核大类", "考核内容", "目标要求"]], "columns": ["level1", "name", "value"]}'],
    ['a layout without 三级指标 and 指标值', JSON.stringify({ header: [HEADER], columns: ['level1'] }), '版式不能使用：请指定“三级指标”“指标值”所在的列'],
    ['a header of numbers', JSON.stringify({ header: [[1, 2, 3]], columns: COLUMNS }), '版式不能使用：表头第 1 行应为各列的文字'],
  ])('refuses a `layout` field that is %s: 400 naming the field, never 500', async (_, layout, message) => {
    const reply = await upload(lead, URL('&dryRun=true'), TABLE, { layout });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe(message);
    expect(reply.body.errors[0].field).toBe('layout');
  });

  it('saves the layout for the unit (201, version 1); the same name again in that unit is 409', async () => {
    const created = await lead.post('/api/import-layouts', { name: '培训考核表', header: [HEADER], columns: COLUMNS });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '培训考核表', organizationId: unitId, organizationName: '曲靖市版式测试局（本级）', shared: false, version: 1, header: [HEADER], columns: COLUMNS, skipRows: 0 });
    layoutId = created.body.id;
    const again = await lead.post('/api/import-layouts', { name: ' 培训考核表 ', header: [HEADER], columns: COLUMNS });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('已有同名版式“培训考核表”，请换一个名称');
    expect(names(await lead.get('/api/import-layouts'))).toContain('培训考核表');
  });

  it('imports the next upload without a layout by the saved one, and says which layout read it', async () => {
    const reply = await upload(lead, URL(), TABLE);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ dryRun: false, indicators: 5, errors: [], layouts: [{ id: layoutId, name: '培训考核表' }] });
    expect(reply.body.repairs).toContainEqual({ source: '考核表.txt', row: 2, column: null, message: '按版式“培训考核表”读取表头' });
    const projects = (await lead.get(`/api/projects?fiscalYear=${YEAR}&unitId=${unitId}`)).body.items as { id: string; name: string }[];
    expect(projects.map((p) => p.name).sort()).toEqual(['基层干部培训经费', '森林防火经费']);
    const sheet = (await lead.get(`/api/projects/${projects.find((p) => p.name === '基层干部培训经费')?.id}/target-sheet`)).body;
    expect(sheet.indicators.map((i: { level1: string; level2: string; name: string; comparator: string; value: string; unit: string }) => [i.level1, i.level2, i.name, i.comparator, i.value, i.unit])).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥', '500', '人次'],
      ['产出指标', '质量指标', '培训合格率', '≥', '95', '%'],
      ['效益指标', '社会效益指标', '群众办事满意度', '定性', '明显提升', ''],
    ]);
    // a copy of the table spaced otherwise has the same header: read by the layout, nothing to change
    const spaced = await upload(lead, URL('&dryRun=true'), SPACED);
    expect(spaced.status).toBe(200);
    expect(spaced.body.layouts).toEqual([{ id: layoutId, name: '培训考核表' }]);
    expect(spaced.body.projects.map((p: { action: string }) => p.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('marks the header by the saved layout on the mapping screen, for the unit and for its department', async () => {
    const reply = await upload(lead, '/api/imports/table-grid', SPACED);
    expect(reply.body.tables[0].header).toEqual({ start: 1, rows: 1, columns: COLUMNS, skipRows: 0, layout: '培训考核表', layoutId });
    expect((await upload(reviewer, `/api/imports/table-grid?organizationId=${unitId}`, TABLE)).body.tables[0].header.layout).toBe('培训考核表');
    expect(names(await reviewer.get('/api/import-layouts'))).toContain('培训考核表');
  });

  it('keeps an unshared layout to its organisation: another department’s lead does not see it, is not read by it, and gets 404 on it', async () => {
    expect(names(await otherLead.get('/api/import-layouts'))).not.toContain('培训考核表');
    expect((await upload(otherLead, URL('&dryRun=true'), TABLE)).status).toBe(400);
    expect((await put(otherLead, `/api/import-layouts/${layoutId}`, { name: '改名', header: [HEADER], columns: COLUMNS, version: 1 })).status).toBe(404);
    expect((await remove(otherLead, `/api/import-layouts/${layoutId}`)).status).toBe(404);
    expect((await lead.post('/api/import-layouts', { name: '越权', organizationId: otherUnitId, header: [HEADER], columns: COLUMNS })).status).toBe(404);
  });

  it('lets only finance share a layout (403 for a lead); a shared layout is seen and used by every organisation, and changed only by finance', async () => {
    const refused = await lead.post('/api/import-layouts', { name: '想共享', shared: true, header: TWO_ROWS, columns: ['project', 'level1', 'level2', 'name', 'value', 'unit'] });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('只有财政部门可以把版式共享给所有单位');
    expect((await put(lead, `/api/import-layouts/${layoutId}`, { name: '培训考核表', shared: true, header: [HEADER], columns: COLUMNS, version: 1 })).status).toBe(403);

    const shared = await finance.post('/api/import-layouts', { name: '两行表头考核表（共享）', shared: true, header: TWO_ROWS, columns: ['project', 'level1', 'level2', 'name', 'value', 'unit'] });
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({ shared: true, organizationName: expect.any(String) });
    sharedId = shared.body.id;
    expect(names(await otherLead.get('/api/import-layouts'))).toContain('两行表头考核表（共享）');
    const reply = await upload(otherLead, URL('&dryRun=true'), SHARED_TABLE);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ unitId: otherUnitId, indicators: 2, errors: [], layouts: [{ id: sharedId, name: '两行表头考核表（共享）' }] });
    expect(reply.body.projects.map((p: { name: string }) => p.name)).toEqual(['乡村道路养护经费']);
    const change = { name: '我的', header: TWO_ROWS, columns: ['project', 'level1', 'level2', 'name', 'value', 'unit'], version: 1 };
    expect((await put(otherLead, `/api/import-layouts/${sharedId}`, change)).body.message).toBe('共享的版式只有财政部门可以修改或删除');
    expect((await remove(otherLead, `/api/import-layouts/${sharedId}`)).status).toBe(403);
  });

  it('saves a change at the version read (version 2) and refuses one made at a stale version with 409', async () => {
    const saved = await put(lead, `/api/import-layouts/${layoutId}`, { name: '培训考核表（跳过说明行）', header: [HEADER], columns: COLUMNS, skipRows: 1, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: layoutId, name: '培训考核表（跳过说明行）', version: 2, skipRows: 1 });
    const stale = await put(lead, `/api/import-layouts/${layoutId}`, { name: '培训考核表', header: [HEADER], columns: COLUMNS, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('版式“培训考核表（跳过说明行）”已被他人修改（当前为第 2 版），请刷新后重试');
    // the skipped row: a note under the header is no longer read as an indicator
    const reply = await upload(lead, URL('&dryRun=true'), tsv(HEADER, ['本表由培训科填报', '', '', '', '', ''], ...BODY));
    expect(reply.body).toMatchObject({ errors: [], indicators: 5 });
  });

  it.each<[string, unknown, number, string]>([
    ['a column given twice', { name: '重复', header: [HEADER], columns: ['level1', 'level2', 'name', 'value', 'name', 'project'] }, 400, '版式不能使用：“三级指标”指定给了第 3 列和第 5 列，每项只能指定一列'],
    ['a column that is none of the choices', { name: '未知列', header: [HEADER], columns: ['level1', 'level2', 'name', 'value', 'nope', 'project'] }, 400, '版式不能使用：第 5 列的“nope”不是可选的列'],
    ['no 一级指标', { name: '缺一级', header: [HEADER], columns: [null, 'level2', 'name', 'value', 'unit', 'project'] }, 400, '版式不能使用：请指定“一级指标”所在的列'],
    ['a header of numbers', { name: '数字表头', header: [[1, 2]], columns: COLUMNS }, 400, '版式不能使用：表头第 1 行应为各列的文字'],
    ['an empty header row', { name: '空行', header: [HEADER, ['', '']], columns: COLUMNS }, 400, '版式不能使用：表头第 2 行是空的'],
    ['four header rows', { name: '四行', header: [HEADER, HEADER, HEADER, HEADER], columns: COLUMNS }, 400, '表头应为 1 至 3 行'],
    ['a header that is text', { name: '文字', header: '考核大类', columns: COLUMNS }, 400, '表头应为 1 至 3 行'],
    ['columns that are text', { name: '文字列', header: [HEADER], columns: 'level1' }, 400, '请指明各列分别是什么'],
    ['too many rows to skip', { name: '跳过太多', header: [HEADER], columns: COLUMNS, skipRows: 99 }, 400, '表头下跳过的行数应为 0 至 20 的整数'],
    ['a blank name', { name: '  ', header: [HEADER], columns: COLUMNS }, 400, '请填写版式名称'],
    ['a name of 61 characters', { name: '名'.repeat(61), header: [HEADER], columns: COLUMNS }, 400, '版式名称不能超过 60 字'],
    ['a field it does not know', { name: '多余', header: [HEADER], columns: COLUMNS, extra: 1 }, 400, ''],
    ['nothing', {}, 400, ''],
  ])('refuses %s with a 400 in Chinese, never a 500', async (_, body, status, message) => {
    const reply = await lead.post('/api/import-layouts', body);
    expect(reply.status).toBe(status);
    if (message) expect(reply.body.message).toBe(message);
    expect(reply.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('deletes a layout, in the audit log with its creation and change; the next upload finds no table again', async () => {
    const deleted = await remove(lead, `/api/import-layouts/${layoutId}`);
    expect(deleted.status).toBe(200);
    expect((await remove(lead, `/api/import-layouts/${layoutId}`)).status).toBe(404);
    const log = (await reviewer.get(`/api/audit?entity=import_layout&entityId=${layoutId}`)).body.items as { action: string; field: string; oldValue: string | null; newValue: string | null }[];
    expect(log.map((e) => [e.action, e.field])).toEqual([
      ['delete', 'layout'],
      ['update', 'layout'],
      ['create', 'layout'],
    ]);
    expect(log[2].newValue).toBe('“培训考核表”：表头 1 行，导入 6 列（一级指标、二级指标、三级指标、指标值、度量单位、项目名称）');
    expect(log[1]).toMatchObject({ oldValue: log[2].newValue, newValue: '“培训考核表（跳过说明行）”：表头 1 行，导入 6 列（一级指标、二级指标、三级指标、指标值、度量单位、项目名称），表头下跳过 1 行' });
    expect(log[0].oldValue).toBe(log[1].newValue);
    expect((await upload(lead, URL('&dryRun=true'), TABLE)).status).toBe(400);
    // finance takes its shared layout back, so no other suite's tables meet it
    expect((await remove(finance, `/api/import-layouts/${sharedId}`)).status).toBe(200);
  });
});
