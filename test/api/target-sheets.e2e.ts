import { get as httpGet } from 'node:http';
import pg from 'pg';
import { Client } from '../support/http';
import { RunningApp, startApp, testDatabaseUrl } from '../support/app';

const indicator = (over: Record<string, unknown> = {}) => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '调研次数',
  comparator: '≥',
  value: '12',
  unit: '次',
  kind: '定量',
  content: '反映课题调研、专题调研数量的情况。',
  basis: '计划标准',
  lastYearActual: null,
  weight: '25',
  scoringRule: '按照完成比例赋分',
  evidence: '调研报告',
  ...over,
});

/** A sheet that passes every blocking check: 产出 50 + 效益 30 + 满意度 10 = 90. */
const complete = [
  indicator(),
  indicator({ level2: '质量指标', name: '整改问题回访率', comparator: '=', value: '100', unit: '%', weight: '25' }),
  indicator({ level1: '效益指标', level2: '可持续影响', name: '履职能力提升', comparator: '=', value: '有效提升', unit: '', kind: '定性', weight: '30' }),
  indicator({ level1: '满意度指标', level2: '服务对象满意度', name: '调研对象满意度', value: '90', unit: '%', weight: '10' }),
];

/**
 * A browser's revalidation of what it holds: If-None-Match alone (fetch() would add
 * Cache-Control: no-cache to a request carrying it, which a server rightly answers in full).
 */
function revalidate(url: string, token: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

describe('target sheets: setting and approval', () => {
  let running: RunningApp;
  let admin: Client;
  let lead: Client;
  let reviewer: Client;
  let finance: Client;
  let projectId: string;
  let otherProjectId: string;
  let leadId: string;
  let unitId: string;

  const sheet = (id = projectId) => `/api/projects/${id}/target-sheet`;

  beforeAll(async () => {
    running = await startApp();
    const anonymous = new Client(running.url);
    admin = await anonymous.as('admin');
    const orgs = (await admin.get('/api/organizations')).body as { id: string; kind: string }[];
    const department = await admin.post('/api/organizations', { name: '曲靖市应急管理局', kind: 'department', parentId: orgs.find((o) => o.kind === 'finance')?.id });
    const unit = await admin.post('/api/organizations', { name: '曲靖市应急管理局（本级）', kind: 'unit', parentId: department.body.id });
    unitId = unit.body.id;
    const leadUser = await admin.post('/api/users', { username: 'yjj.lead', password: 'Lead@2026x', displayName: '应急局项目负责人', role: 'project_lead', organizationId: unitId });
    leadId = leadUser.body.id;
    await admin.post('/api/users', { username: 'yjj.reviewer', password: 'Review@2026x', displayName: '应急局财务审核', role: 'department_reviewer', organizationId: department.body.id });
    lead = await anonymous.as('yjj.lead', 'Lead@2026x');
    reviewer = await anonymous.as('yjj.reviewer', 'Review@2026x');
    finance = await anonymous.as('finance');
    const funds = { total: '70000.00', currentYearAppropriation: '70000.00', carryOver: '0', other: '0' };
    projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '应急值守工作经费', funds })).body.id;
    otherProjectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '应急演练经费', funds })).body.id;
  });
  afterAll(() => running.close());

  it('shows a project without a sheet as an empty draft at version 0, with what is missing', async () => {
    const reply = await lead.get(sheet());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ projectId, version: 0, status: 'draft', indicators: [], sinceReturn: null, inForceVersion: null });
    expect(reply.body.checks.map((c: { code: string }) => c.code)).toEqual(['level1-missing', 'level1-missing', 'satisfaction-missing', 'weight-total']);
  });

  it('saves the whole sheet, normalises names, and reports the seed quirks as checks tied to rows', async () => {
    const reply = await lead.request('PUT', sheet(), {
      version: 0,
      indicators: [...complete, indicator({ level2: '社会效益', name: '>=', weight: '0' }), indicator({ level2: '时效指标', name: '网络故障专线修复时间', comparator: '≤', value: '4小时', unit: '', kind: '定性', weight: '0' })],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.version).toBe(1);
    expect(reply.body.indicators[2].level2).toBe('可持续影响指标');
    expect(reply.body.checks).toEqual([
      expect.objectContaining({ row: 5, field: 'level2', severity: 'blocking', message: '第 5 行：二级指标“社会效益指标”不能放在“产出指标”下，它属于“效益指标”' }),
      expect.objectContaining({ row: 5, field: 'name', severity: 'blocking', message: '第 5 行：三级指标名称“>=”只是符号或数字，请填写指标名称' }),
      expect.objectContaining({ row: 6, field: 'kind', severity: 'warning', message: '第 6 行：定性指标值“4小时”像是数值，建议改为定量：≤ 4 小时' }),
    ]);
  });

  it('answers 409 to a save with a stale version, and 400 with the row for a bad weight', async () => {
    const stale = await lead.request('PUT', sheet(), { version: 0, indicators: complete });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('已被他人修改');
    const bad = await lead.request('PUT', sheet(), { version: 1, indicators: [complete[0], indicator({ name: '完成调研报告数量', weight: '十分' })] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ row: 2, field: 'weight', message: '第 2 行：分值须为 0–999 之间、最多两位小数的数字' }]);
    expect((await lead.get(sheet())).body.version).toBe(1);
  });

  it('saves the annual goal and funds with the sheet, refusing funds that do not add up', async () => {
    const part = { overallGoal: '落实 24 小时应急值守，突发事件信息报送及时准确。', funds: { total: '70000.00', currentYearAppropriation: '60000', carryOver: '10000', other: '0' } };
    const bad = await lead.request('PUT', sheet(), { version: 1, indicators: complete, project: { ...part, funds: { ...part.funds, carryOver: '5000' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('年度预算总额 70,000.00 元不等于当年财政拨款、上年结转与其他资金之和 65,000.00 元');
    const good = await lead.request('PUT', sheet(), { version: 1, indicators: [...complete, indicator({ level2: '社会效益', name: '>=', weight: '0' })], project: part });
    expect(good.status).toBe(200);
    const project = (await lead.get(`/api/projects/${projectId}`)).body;
    expect(project).toMatchObject({ overallGoal: part.overallGoal, funds: { total: '70000.00', currentYearAppropriation: '60000.00', carryOver: '10000.00', other: '0.00' } });
    const log = (await reviewer.get(`/api/audit?entity=project&entityId=${projectId}`)).body.items.map((e: { field: string; oldValue: string; newValue: string }) => `${e.field}:${e.oldValue}→${e.newValue}`);
    expect(log).toEqual(expect.arrayContaining(['fundsCurrentYearAppropriation:70000.00→60000', 'fundsCarryOver:0.00→10000']));
    expect(log.some((l: string) => l.startsWith('fundsTotal'))).toBe(false);
  });

  it('refuses to submit while blocking checks remain, listing each with its row', async () => {
    const reply = await lead.post(`${sheet()}/submit`, {});
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('还有 2 处必须修改的问题，不能提交');
    expect(reply.body.errors.map((e: { row: number }) => e.row)).toEqual([5, 5]);
    expect(reply.body.errors[0].message).toBe('第 5 行：二级指标“社会效益指标”不能放在“产出指标”下，它属于“效益指标”');
  });

  it('keeps other departments out (404) and the department out of editing (403)', async () => {
    const zfb = await new Client(running.url).as('zfb.reviewer');
    expect((await zfb.get(sheet())).status).toBe(404);
    expect((await zfb.post(`${sheet()}/approve`, {})).status).toBe(404);
    const reviewerEdit = await reviewer.request('PUT', sheet(), { version: 1, indicators: complete });
    expect([reviewerEdit.status, reviewerEdit.body.message]).toEqual([403, '绩效目标为“草稿”时只能由项目负责人保存']);
    const xfjLead = await new Client(running.url).as('xfj.lead');
    expect((await xfjLead.request('PUT', sheet(), { version: 1, indicators: complete })).status).toBe(404);
  });

  it('runs the chain: submit, return with comments, the lead sees what changed, resubmit, department and finance approve', async () => {
    expect((await lead.request('PUT', sheet(), { version: 2, indicators: complete })).status).toBe(200);
    const submitted = await lead.post(`${sheet()}/submit`, { version: 3 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect((await lead.request('PUT', sheet(), { version: 4, indicators: complete })).status).toBe(409);
    expect((await finance.post(`${sheet()}/approve`, { reviewGrade: '优' })).body.message).toBe('当前应由主管部门审核');

    expect((await reviewer.post(`${sheet()}/return`, {})).body.message).toBe('请选择审核结果（退回时为中或差）');
    expect((await reviewer.post(`${sheet()}/return`, { reviewGrade: '中' })).body.message).toBe('退回时请填写退回意见');
    expect((await reviewer.post(`${sheet()}/approve`, {})).body.message).toBe('请选择审核结果（审核通过时为优或良）');
    const returned = await reviewer.post(`${sheet()}/return`, {
      comment: '调研次数目标偏低，请结合上年完成情况调整',
      reviewGrade: '中',
      ratings: { 完整性: '良', 相关性: '优', 适当性: '中', 可行性: '良' },
      rowComments: [{ row: 1, message: '上年完成 15 次' }],
    });
    expect(returned.body.status).toBe('draft');

    // the lead edits what it read: rows keep their ids, so the comment stays on its indicator
    const read = returned.body.indicators as { id: string; name: string }[];
    const edited = await lead.request('PUT', sheet(), { version: returned.body.version, indicators: [{ ...read[0], value: '15' }, ...read.slice(1)] });
    expect(edited.body.indicators.map((r: { id: string }) => r.id)).toEqual(read.map((r) => r.id));
    expect(edited.body.sinceReturn).toEqual({
      comment: '调研次数目标偏低，请结合上年完成情况调整',
      rowComments: [{ indicatorId: read[0].id, row: 1, message: '上年完成 15 次', resolved: true }],
      changes: [{ change: 'changed', indicatorId: read[0].id, level1: '产出指标', level2: '数量指标', name: '调研次数', fields: [{ field: 'value', from: '12', to: '15' }] }],
    });

    expect((await lead.post(`${sheet()}/submit`, {})).body.status).toBe('submitted');
    const resubmitted = (await reviewer.get(sheet())).body;
    expect(resubmitted.sinceReturn.changes).toEqual([expect.objectContaining({ change: 'changed', name: '调研次数' })]);
    // 良: the reviewer's own small edit, recorded as the reviewer's
    const touched = await reviewer.request('PUT', sheet(), { version: resubmitted.version, indicators: [{ ...resubmitted.indicators[0], content: '反映课题调研、专题调研数量的情况（含专题报告）。' }, ...resubmitted.indicators.slice(1)] });
    expect(touched.body).toMatchObject({ status: 'submitted' });
    expect((await reviewer.post(`${sheet()}/approve`, { reviewGrade: '良' })).body.status).toBe('department_approved');
    const approved = await finance.post(`${sheet()}/approve`, { comment: '同意', reviewGrade: '优' });
    expect(approved.body).toMatchObject({ status: 'approved', inForceVersion: 5, isAdjustment: false, sinceReturn: null });

    const versions = (await lead.get(`${sheet()}/versions`)).body;
    expect(versions.map((v: { action: string; actor: { displayName: string } }) => `${v.action}:${v.actor.displayName}`)).toEqual([
      'submit:应急局项目负责人',
      'return:应急局财务审核',
      'submit:应急局项目负责人',
      'approve:应急局财务审核',
      'approve:财政局预算绩效科',
    ]);
    expect(versions[1]).toMatchObject({ reviewGrade: '中', ratings: { 适当性: '中' }, comment: '调研次数目标偏低，请结合上年完成情况调整' });
    const compare = await lead.get(`${sheet()}/versions/compare?from=1&to=5`);
    expect(compare.body.changes).toEqual([expect.objectContaining({ change: 'changed', name: '调研次数' })]);
  });

  it('changes an approved sheet only through an adjustment, keeping the approved version in force', async () => {
    expect((await lead.request('PUT', sheet(), { version: 8, indicators: complete })).status).toBe(409);
    const adjusting = await lead.post(`${sheet()}/adjust`, {});
    expect(adjusting.body).toMatchObject({ status: 'draft', isAdjustment: true, inForceVersion: 5 });
    const inbox = (await lead.get('/api/inbox?pageSize=500')).body.items;
    expect(inbox).toContainEqual(expect.objectContaining({ projectId, reason: '调整中，待提交' }));
  });

  it('lets exactly one of two simultaneous approvals through', async () => {
    await lead.request('PUT', sheet(otherProjectId), { version: 0, indicators: complete });
    await lead.post(`${sheet(otherProjectId)}/submit`, {});
    await reviewer.post(`${sheet(otherProjectId)}/approve`, { reviewGrade: '优' });
    const secondFinance = await admin.post('/api/users', { username: 'finance.two', password: 'Finance@2026x', displayName: '财政局第二审核人', role: 'finance_reviewer', organizationId: (await finance.get('/api/me')).body.organizationId });
    expect(secondFinance.status).toBe(201);
    const other = await new Client(running.url).as('finance.two', 'Finance@2026x');
    const replies = await Promise.all([finance.post(`${sheet(otherProjectId)}/approve`, { reviewGrade: '优' }), other.post(`${sheet(otherProjectId)}/approve`, { reviewGrade: '优' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await finance.get(`${sheet(otherProjectId)}/versions`)).body).toHaveLength(3);
  });

  it('refuses an approval by the person who submitted, even after a change of role', async () => {
    const third = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '应急物资储备经费', funds: { total: '1.00', currentYearAppropriation: '1.00', carryOver: '0', other: '0' } })).body.id;
    await lead.request('PUT', sheet(third), { version: 0, indicators: complete });
    await lead.post(`${sheet(third)}/submit`, {});
    const department = ((await admin.get('/api/organizations')).body as { id: string; name: string }[]).find((o) => o.name === '曲靖市应急管理局');
    expect((await admin.patch(`/api/users/${leadId}`, { role: 'department_reviewer', organizationId: department?.id })).status).toBe(200);
    const promoted = await new Client(running.url).as('yjj.lead', 'Lead@2026x');
    const reply = await promoted.post(`${sheet(third)}/approve`, { reviewGrade: '优' });
    expect(reply.status).toBe(403);
    expect(reply.body.message).toBe('不能审核自己提交的绩效目标');
    await admin.patch(`/api/users/${leadId}`, { role: 'project_lead', organizationId: unitId });
  });

  it('filters projects by the state of their sheet and shows it on each project', async () => {
    const byStatus = async (status: string) => ((await lead.get(`/api/projects?status=${status}`)).body.items as { name: string }[]).map((p) => p.name).sort();
    expect(await byStatus('approved')).toEqual(['应急演练经费']);
    expect(await byStatus('submitted')).toEqual(['应急物资储备经费']);
    expect(await byStatus('draft')).toEqual(['应急值守工作经费']);
    expect((await lead.get(`/api/projects/${projectId}`)).body.targetSheet).toEqual({ status: 'draft', version: 11, isAdjustment: true, historyVersion: 6 });
    expect((await lead.get('/api/projects?status=bogus')).status).toBe(400);
  });

  it('checks a sheet with the rules of its fiscal year’s settings profile', async () => {
    const profiles = (await lead.get('/api/settings-profiles')).body as { id: string; isDefault: boolean; profile: { regime: string } }[];
    // other suites add profiles of their own: find the two built-in ones
    const classic = profiles.find((p) => p.isDefault);
    const core = profiles.find((p) => p.profile.regime === 'core2021');
    expect([classic?.profile.regime, core?.isDefault]).toEqual(['classic', false]);
    expect((await admin.post('/api/fiscal-years', { year: 2028 })).body.profileId).toBe(classic?.id);
    expect((await admin.patch('/api/fiscal-years/2028', { profileId: core?.id })).status).toBe(200);
    const funds = { total: '1.00', currentYearAppropriation: '1.00', carryOver: '0', other: '0' };
    const future = (await lead.post('/api/projects', { fiscalYear: 2028, unitId, name: '2028 年应急值守经费', funds })).body.id;
    const saved = await lead.request('PUT', sheet(future), { version: 0, indicators: complete });
    expect(saved.body.profile).toMatchObject({ regime: 'core2021', requiredLevel1: ['产出指标', '成本指标', '效益指标'] });
    expect(saved.body.checks).toEqual([expect.objectContaining({ code: 'level1-missing', message: '缺少一级指标“成本指标”' })]);
    expect((await lead.post(`${sheet(future)}/submit`, {})).body.errors).toEqual([{ field: 'level1', message: '缺少一级指标“成本指标”' }]);
    expect((await lead.get(sheet())).body.profile.regime).toBe('classic');
  });

  it('puts each item in the right 待办', async () => {
    const fresh = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '应急广播运维经费', funds: { total: '1.00', currentYearAppropriation: '1.00', carryOver: '0', other: '0' } })).body.id;
    const leadInbox = (await (await new Client(running.url).as('yjj.lead', 'Lead@2026x')).get('/api/inbox?pageSize=500')).body.items;
    expect(leadInbox).toContainEqual(expect.objectContaining({ projectId: fresh, reason: '待填报', unitName: '曲靖市应急管理局（本级）' }));
    const reviewerInbox = (await reviewer.get('/api/inbox?pageSize=500')).body.items.map((i: { projectName?: string; reason: string }) => `${i.projectName ?? '部门'}:${i.reason}`);
    // the department also has its own overall target to fill in for each open year
    expect(reviewerInbox).toEqual(expect.arrayContaining(['应急物资储备经费:待审核', '部门:部门整体目标待填报']));
    expect(reviewerInbox.filter((i: string) => !i.startsWith('部门:'))).toEqual(['应急物资储备经费:待审核']);
    const financeInbox = (await finance.get('/api/inbox?pageSize=500')).body.items.filter((i: { kind: string }) => i.kind === 'target_sheet' || i.kind === 'department_target');
    expect(financeInbox.every((i: { reason: string }) => i.reason === '待批复' || i.reason === '部门整体目标待批复')).toBe(true);
    expect((await admin.get('/api/inbox?pageSize=500')).body).toEqual({ items: [], total: 0 });
  });

  it('keeps an audit log that reviewers of the scope and admins read, and nobody rewrites', async () => {
    const log = (await reviewer.get('/api/audit?entity=target_sheet&pageSize=500')).body;
    expect(log.items).toContainEqual(expect.objectContaining({ action: 'approve', field: 'status', oldValue: '已提交', newValue: '主管部门已审核', actor: '应急局财务审核' }));
    expect(log.items).toContainEqual(expect.objectContaining({ action: 'row_changed', field: '产出指标 › 数量指标 › 调研次数', oldValue: 'value=12', newValue: 'value=15' }));
    expect(log.items).toContainEqual(expect.objectContaining({ action: 'row_changed', actor: '应急局财务审核', newValue: 'content=反映课题调研、专题调研数量的情况（含专题报告）。' }));
    const zfbLog = (await (await new Client(running.url).as('zfb.reviewer')).get('/api/audit?entity=target_sheet')).body;
    expect(zfbLog.items.some((e: { actor: string }) => e.actor === '应急局财务审核')).toBe(false);
    expect((await lead.get('/api/audit')).status).toBe(403);
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      await expect(db.query('UPDATE document_versions SET comment = $1', ['改写历史'])).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await db.end();
    }
  });
  it('answers an unchanged sheet with 304 to a client that holds it, and the new sheet once it changed', async () => {
    const funds = { total: '1000.00', currentYearAppropriation: '1000.00', carryOver: '0', other: '0' };
    const own = `/api/projects/${(await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '应急通信保障经费', funds })).body.id}/target-sheet`;
    const first = await lead.get(own);
    const tag = first.headers.get('etag') as string;
    expect(tag).toMatch(/^W\/"/);
    expect(await revalidate(running.url + own, String(lead.token), tag)).toBe(304);
    expect((await lead.request('PUT', own, { version: 0, indicators: complete })).status).toBe(200);
    expect(await revalidate(running.url + own, String(lead.token), tag)).toBe(200);
    expect((await lead.get(own)).body.version).toBe(first.body.version + 1);
  });

  it('writes again only the rows that changed when the editor sends the rows back with their ids', async () => {
    const funds = { total: '1000.00', currentYearAppropriation: '1000.00', carryOver: '0', other: '0' };
    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '应急演练组织经费', funds })).body.id;
    const own = `/api/projects/${projectId}/target-sheet`;
    const first = (await lead.request('PUT', own, { version: 0, indicators: complete })).body;
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    const stored = async () => Object.fromEntries((await db.query('SELECT i.id, i.xmin::text AS x FROM target_indicators i JOIN target_sheets s ON s.id = i.sheet_id WHERE s.project_id = $1', [projectId])).rows.map((r) => [r.id, r.x]));
    const audited = async () => (await db.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = (SELECT id FROM target_sheets WHERE project_id = $1) AND action LIKE 'row_%'", [projectId])).rows[0].n;
    try {
      const [rowsBefore, auditBefore] = [await stored(), await audited()];
      const same = await lead.request('PUT', own, { version: first.version, indicators: first.indicators });
      expect(same.status).toBe(200);
      expect([await stored(), await audited()]).toEqual([rowsBefore, auditBefore]);
      const edited = same.body.indicators.map((row: { id: string; value: string }, i: number) => (i === 1 ? { ...row, value: '99' } : row));
      const changed = await lead.request('PUT', own, { version: same.body.version, indicators: edited });
      expect(changed.body.indicators.map((r: { id: string }) => r.id)).toEqual(first.indicators.map((r: { id: string }) => r.id));
      const rowsAfter = await stored();
      expect(Object.keys(rowsAfter).filter((id) => rowsAfter[id] !== rowsBefore[id])).toEqual([edited[1].id]);
      expect(await audited()).toBe(auditBefore + 1);
    } finally {
      await db.end();
    }
  });

  it('answers a save with exactly what the next read answers, decimals and names as stored', async () => {
    const funds = { total: '10.00', currentYearAppropriation: '10.00', carryOver: '0', other: '0' };
    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '值班值守保障经费', funds })).body.id;
    const own = `/api/projects/${projectId}/target-sheet`;
    const rows = [
      ...complete.map((row, i) => (i === 0 ? { ...row, weight: '25.00', lastYearActual: '-0.00' } : row)),
      indicator({ level2: '时效', name: '  响应时间  ', comparator: '≤', value: ' 30 ', unit: ' 分钟 ', weight: '0.50', lastYearActual: '0035.100' }),
    ];
    const saved = await lead.request('PUT', own, { version: 0, indicators: rows });
    expect(saved.status).toBe(200);
    expect(saved.body.indicators[0]).toMatchObject({ weight: '25', lastYearActual: '0' });
    expect(saved.body.indicators[4]).toMatchObject({ level2: '时效指标', name: '响应时间', value: '30', unit: '分钟', weight: '0.5', lastYearActual: '35.1' });
    const read = await lead.get(own);
    expect(saved.body).toEqual(read.body);
    const again = await lead.request('PUT', own, { version: saved.body.version, indicators: [...saved.body.indicators.slice(1), { ...rows[0], name: '调研次数（新）' }] });
    expect(again.body).toEqual((await lead.get(own)).body);
  });

  it('takes rows without the optional fields, and answers a 定性 row with 指标性质 定性', async () => {
    const funds = { total: '10.00', currentYearAppropriation: '10.00', carryOver: '0', other: '0' };
    const projectId = (await lead.post('/api/projects', { fiscalYear: 2026, unitId, name: '政务公开专项经费', funds })).body.id;
    const bare = { level1: '产出指标', level2: '数量指标', name: '公开信息条数', comparator: '≥', value: '120', unit: '条', kind: '定量', weight: '50' };
    const qualitative = { level1: '效益指标', level2: '社会效益指标', name: '公众知晓度', comparator: null, value: '明显提高', unit: '', kind: '定性', weight: '50' };
    const saved = await lead.request('PUT', `/api/projects/${projectId}/target-sheet`, { version: 0, indicators: [bare, qualitative] });
    expect(saved.status).toBe(200);
    expect(saved.body.indicators[0]).toMatchObject({ content: '', basis: '', lastYearActual: null, scoringRule: '', evidence: '' });
    expect(saved.body.indicators[1]).toMatchObject({ comparator: '定性', kind: '定性', value: '明显提高' });
    expect(saved.body.checks.filter((c: { field: string }) => ['content', 'basis', 'lastYearActual', 'scoringRule', 'evidence'].includes(c.field))).toEqual([]);
  });
});
