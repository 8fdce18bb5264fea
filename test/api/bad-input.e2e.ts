import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';
import { xlsxWithSheet } from '../support/xlsx-bytes';

const PASSWORD = 'Labour@2026x';
const CHINESE = /[\u4e00-\u9fff]/;

interface Raw {
  status: number;
  body: { message?: string; errors?: { field?: string; message: string }[] } | null;
  headers: Headers;
}

/**
 * Bad input in the shared layers (body parsing, the exception filter, the validation pipe, the year
 * and version conventions): every answer a 4xx in the SPEC §11 shape with a Chinese message, the
 * security headers on it, and nothing stored.
 */
describe('bad input', () => {
  let running: RunningApp;
  let token: string;
  let adminToken: string;
  let unitId: string;
  let projectId: string;
  let departmentId: string;

  const send = async (method: string, path: string, body: string | Buffer | undefined, type = 'application/json', as = token): Promise<Raw> => {
    const response = await fetch(running.url + path, { method, headers: { 'content-type': type, authorization: `Bearer ${as}` }, body: body ? new Uint8Array(body instanceof Buffer ? body : Buffer.from(body)) : undefined });
    const text = await response.text();
    let parsed: Raw['body'] = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  /** A refusal a clerk can read: 4xx, the error shape, Chinese text everywhere, helmet's headers, no Express banner. */
  const expectRefused = (reply: Raw, statuses: number[] = [400], what = '') => {
    expect({ what, status: statuses.includes(reply.status) ? 'refused' : reply.status, message: reply.body?.message }).toEqual({ what, status: 'refused', message: expect.stringMatching(CHINESE) });
    for (const e of reply.body?.errors ?? []) expect(e.message).toMatch(CHINESE);
    expect(reply.headers.get('x-powered-by')).toBeNull();
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
  };

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    adminToken = (await new Client(running.url).post('/api/auth/login', { username: 'admin', password: 'Demo@2026' })).body.accessToken;
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    departmentId = (await admin.post('/api/organizations', { name: '曲靖市人力资源和社会保障局', kind: 'department', parentId: finance?.id })).body.id;
    unitId = (await admin.post('/api/organizations', { name: '曲靖市人力资源和社会保障局（本级）', kind: 'unit', parentId: departmentId })).body.id;
    await admin.post('/api/users', { username: 'rsj.lead', password: PASSWORD, displayName: '人社局项目负责人', role: 'project_lead', organizationId: unitId });
    token = (await new Client(running.url).post('/api/auth/login', { username: 'rsj.lead', password: PASSWORD })).body.accessToken;
    projectId = (await new Client(running.url, token).post('/api/projects', { fiscalYear: 2026, unitId, name: '就业创业补贴经费', funds: { total: '100000.00', currentYearAppropriation: '100000.00', carryOver: '0', other: '0' } })).body.id;
  });
  afterAll(() => running?.close());

  const sheet = () => `/api/projects/${projectId}/target-sheet`;
  const row = (overrides: Record<string, unknown> = {}) => ({ level1: '产出指标', level2: '数量指标', name: '补贴发放人次', comparator: '≥', value: '500', unit: '人次', kind: '定量', weight: '10', ...overrides });

  it('answers every malformed body of every kind of write route with a 400/413/415 in Chinese, never 404 or 500', async () => {
    const routes: [string, string, string][] = [
      ['POST', '/api/auth/login', token],
      ['POST', '/api/projects', token],
      ['PUT', `/api/projects/${projectId}/target-sheet`, token],
      ['POST', `/api/projects/${projectId}/target-sheet/submit`, token],
      ['POST', '/api/organizations', adminToken],
      ['POST', '/api/users', adminToken],
      ['PATCH', '/api/fiscal-years/2026', adminToken],
    ];
    const bodies: [string, string | Buffer, string, number[]][] = [
      ['malformed JSON', '{"name": "就业', 'application/json', [400]],
      ['a top-level string', '"就业创业补贴经费"', 'application/json', [400]],
      ['a top-level null', 'null', 'application/json', [400]],
      ['a top-level list', '[{"name":"就业创业补贴经费"}]', 'application/json', [400]],
      ['text where JSON is expected', 'version=1', 'text/plain', [400]],
      ['XML', '<project><name>就业</name></project>', 'application/xml', [415]],
      ['a form', 'name=%E5%B0%B1%E4%B8%9A', 'application/x-www-form-urlencoded', [415]],
      ['a NUL byte in a text', JSON.stringify({ username: 'rsj.lead\u0000', name: '就业\u0000补贴', version: 0, indicators: [] }), 'application/json', [400]],
      ['10,000 levels of nesting', '['.repeat(10000) + ']'.repeat(10000), 'application/json', [400]],
      ['an object nested 5,000 deep', `{"name":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, 'application/json', [400]],
      ['3 MB of JSON', JSON.stringify({ name: 'a'.repeat(3 * 1024 * 1024) }), 'application/json', [413]],
      ['UTF-16 text', Buffer.from('{"name":"就业"}', 'utf16le'), 'application/json; charset=utf-16', [400, 415]],
      ['GBK text', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xbe, 0xcd, 0xd2, 0xb5, 0x22, 0x7d]), 'application/json; charset=gbk', [415]],
      ['a formula where a name goes', JSON.stringify({ username: '=HYPERLINK("http://x")', password: 1, name: 1, version: 'x', indicators: 'x' }), 'application/json', [400, 401]],
    ];
    const seen: string[] = [];
    for (const [method, path, as] of routes) {
      for (const [what, body, type, statuses] of bodies) {
        const reply = await send(method, path, body, type, as);
        seen.push(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} ${what} → ${reply.status}`);
        expectRefused(reply, statuses, `${method} ${path} ${what}`);
      }
    }
    expect(seen).toHaveLength(routes.length * bodies.length);
    // nothing of it was stored
    const projects = (await new Client(running.url, token).get('/api/projects?fiscalYear=2026')).body;
    expect(projects.items.map((p: { name: string }) => p.name)).toEqual(['就业创业补贴经费']);
    expect((await new Client(running.url, token).get(sheet())).body).toMatchObject({ version: 0, indicators: [] });
  });

  it('reads query strings strictly: NUL, out-of-range years, pages and versions, booleans that are neither', async () => {
    const queries = [
      '/api/projects?q=%00',
      '/api/projects?fiscalYear=99999999999',
      '/api/projects?fiscalYear=1999',
      '/api/projects?page=99999999999999',
      '/api/projects?pageSize=abc',
      '/api/self-evaluations?fiscalYear=-1',
      '/api/monitoring-rounds?fiscalYear=2026.5',
      `/api/projects/${projectId}/target-sheet/versions/compare?from=1&to=99999999999`,
      `/api/projects/${projectId}/target-sheet/versions/compare?from=abc&to=1`,
      '/api/target-tables.xlsx?fiscalYear=99999',
    ];
    for (const path of queries) expectRefused(await send('GET', path, undefined), [400], path);
    const dryRun = await new Client(running.url, token).postText('/api/imports/target-tables?fiscalYear=2026&dryRun=maybe', '项目名称\t就业创业补贴经费');
    expect(dryRun.status).toBe(400);
    expect(dryRun.body.errors).toContainEqual({ field: 'dryRun', message: expect.stringMatching(CHINESE) });
    // a year in a path that is no year names nothing
    for (const year of ['99999', '1999', '20x6']) expect((await send('GET', `/api/departments/${departmentId}/overall-target/${year}`, undefined)).status).toBe(404);
  });

  it('ties a value PostgreSQL could not hold to its row and field, and cuts a long indicator name only in the change log', async () => {
    const lead = new Client(running.url, token);
    const digits = await lead.request('PUT', sheet(), { version: 0, indicators: [row({ value: '123456789012345678901' })] });
    expectRefused(digits as unknown as Raw);
    expect(digits.body.errors[0]).toMatchObject({ row: 1, field: 'value' });
    const typed = await lead.request('PUT', sheet(), { version: 0, indicators: '第一行' });
    expect(typed.body.message).toBe('指标须为列表');
    const tooLong = await lead.request('PUT', sheet(), { version: 0, indicators: [row({ name: '指'.repeat(201) })] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({ row: 1, field: 'name' });

    const longest = '城乡劳动者就业创业补贴及职业技能培训补贴发放'.repeat(9).slice(0, 200);
    const saved = await lead.request('PUT', sheet(), { version: 0, indicators: [row({ name: longest })] });
    expect(saved.status).toBe(200);
    expect(saved.body.indicators[0].name).toBe(longest);
    const edited = await lead.request('PUT', sheet(), { version: saved.body.version, indicators: [{ ...saved.body.indicators[0], value: '600' }] });
    expect(edited.status).toBe(200);
    const log = (await new Client(running.url, adminToken).get('/api/audit?entity=target_sheet&pageSize=500')).body.items as { field: string | null; oldValue: string }[];
    const change = log.find((e) => e.oldValue === 'value=500' && e.field?.startsWith('产出指标 › 数量指标 › 城乡劳动者'));
    expect(Array.from(change?.field ?? '')).toHaveLength(200);
    expect(change?.field?.endsWith('…')).toBe(true);
  });

  it('lets one of ten racing creates of the same project name win; the others are told, none is a 500', async () => {
    const lead = new Client(running.url, token);
    const create = () => lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '公益性岗位补贴经费', funds: { total: '50000.00', currentYearAppropriation: '50000.00', carryOver: '0', other: '0' } });
    const replies = await Promise.all(Array.from({ length: 10 }, create));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of replies.filter((r) => r.status !== 201)) {
      expect([400, 409]).toContain(r.status);
      expect(r.body.message).toMatch(CHINESE);
    }
  });

  it('refuses uploads whose content is not what their name says, in Chinese, storing nothing; reads the text encodings Excel saves', async () => {
    const lead = new Client(running.url, token);
    const table = ['项目名称\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位', '职业技能培训经费\t产出指标\t数量指标\t培训人次\t≥\t800\t人次', ''].join('\n');
    const xlsx = xlsxWithSheet('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row></sheetData></worksheet>');
    const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const spoofed: [string, string, Buffer, string, string][] = [
      ['a program named .xlsx', '目标表.xlsx', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]), XLSX_TYPE, '文件名是 .xlsx，但内容不是 Excel 表格'],
      ['a PDF named .xlsx', '目标表.xlsx', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), XLSX_TYPE, '这是 PDF 文件，不是表格'],
      ['an xlsx cut in half', '目标表.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2)), XLSX_TYPE, '无法读取该 .xlsx 文件：文件已损坏或不是 Excel 表格'],
      ['an empty file', '目标表.xlsx', Buffer.alloc(0), 'application/octet-stream', '上传的文件是空的'],
      ['an image named .txt', '目标表.txt', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'text/plain', '文件不是 .xlsx 表格，也不是可识别编码'],
      ['Latin-1 bytes no spreadsheet writes', '目标表.txt', Buffer.from([0x80, 0x81, 0xff, 0x09, 0xfe]), 'text/plain', '文件不是 .xlsx 表格，也不是可识别编码'],
    ];
    const namesBefore = (await lead.get('/api/projects?fiscalYear=2026')).body.items.map((p: { name: string }) => p.name);
    const upload = async (path: string, name: string, content: Buffer, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)], { type }), name);
      const response = await fetch(running.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      return { status: response.status, body: await response.json(), headers: response.headers };
    };
    for (const path of ['/api/imports/target-tables?fiscalYear=2026', '/api/imports/self-evaluations?fiscalYear=2025']) {
      for (const [what, name, content, type, message] of spoofed) {
        const reply = await upload(path, name, content, type);
        expectRefused(reply, [400], `${path} ${what}`);
        expect({ what, message: reply.body.message }).toEqual({ what, message: expect.stringContaining(message) });
      }
    }
    expect((await lead.get('/api/projects?fiscalYear=2026')).body.items.map((p: { name: string }) => p.name)).toEqual(namesBefore);

    // what Excel and WPS save as text on a Chinese Windows: GBK, and “Unicode 文本” (UTF-16 with BOM)
    const gbk = Buffer.from('cfeec4bfc3fbb3c609d2bbbcb6d6b8b1ea09b6febcb6d6b8b1ea09c8fdbcb6d6b8b1ea09d6b8b1ead0d4d6ca09d6b8b1ead6b509b6c8c1bfb5a5cebb0ad6b0d2b5bcbcc4dcc5e0d1b5beadb7d109b2fab3f6d6b8b1ea09cafdc1bfd6b8b1ea09c5e0d1b5c8cbb4ce09a1dd0938303009c8cbb4ce0a', 'hex');
    const encodings: [string, Buffer][] = [
      ['UTF-8', Buffer.from(table, 'utf8')],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(table, 'utf8')])],
      ['GBK', gbk],
      ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, 'utf16le')])],
      ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(table, 'utf16le').swap16()])],
    ];
    for (const [what, content] of encodings) {
      const reply = await upload('/api/imports/target-tables?fiscalYear=2026&dryRun=true', '目标表.txt', content, 'text/plain');
      expect({ what, status: reply.status, projects: reply.body.projects?.map((p: { name: string }) => p.name), indicators: reply.body.indicators }).toEqual({ what, status: 200, projects: ['职业技能培训经费'], indicators: 1 });
    }
  });
});
