import { RunningApp, startApp } from '../support/app';
import { Client } from '../support/http';
import { completeSheet } from '../support/sheet-rows';

const PASSWORD = 'Harbor@2035';
const COMPLETE = completeSheet(['航道疏浚里程', '疏浚验收合格率', '通航保证率', '船户满意度']);

/** POST /api/inbox/approve: each document its own approval, refusals said per item; and the 待办's stage and overdue fields. */
describe('批量审核 from the inbox', () => {
  let running: RunningApp;
  let lead: Client;
  let reviewer: Client;
  let otherReviewer: Client;
  const projects: string[] = [];

  beforeAll(async () => {
    running = await startApp();
    const admin = await new Client(running.url).as('admin');
    await admin.post('/api/fiscal-years', { year: 2035 });
    await admin.patch('/api/fiscal-years/2035', { targetDeadline: '2026-01-31' });
    const finance = ((await admin.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await admin.post('/api/organizations', { name: '曲靖市港航管理中心', kind: 'department', parentId: finance?.id });
    const unit = await admin.post('/api/organizations', { name: '曲靖市港航管理中心（本级）', kind: 'unit', parentId: department.body.id });
    const other = await admin.post('/api/organizations', { name: '曲靖市人工影响天气中心', kind: 'department', parentId: finance?.id });
    await admin.post('/api/users', { username: 'gh.lead', password: PASSWORD, displayName: '港航局项目负责人', role: 'project_lead', organizationId: unit.body.id });
    await admin.post('/api/users', { username: 'gh.reviewer', password: PASSWORD, displayName: '港航局财务审核', role: 'department_reviewer', organizationId: department.body.id });
    await admin.post('/api/users', { username: 'qx.reviewer', password: PASSWORD, displayName: '气象局财务审核', role: 'department_reviewer', organizationId: other.body.id });
    lead = await new Client(running.url).as('gh.lead', PASSWORD);
    reviewer = await new Client(running.url).as('gh.reviewer', PASSWORD);
    otherReviewer = await new Client(running.url).as('qx.reviewer', PASSWORD);
    const funds = { total: '500000.00', currentYearAppropriation: '500000.00', carryOver: '0', other: '0' };
    for (const name of ['航道疏浚经费', '港口安全监管经费']) {
      const id = (await lead.post('/api/projects', { fiscalYear: 2035, unitId: unit.body.id, name, funds })).body.id as string;
      await lead.request('PUT', `/api/projects/${id}/target-sheet`, { version: 0, indicators: COMPLETE });
      expect((await lead.post(`/api/projects/${id}/target-sheet/submit`, {})).status).toBe(200);
      projects.push(id);
    }
  });
  afterAll(() => running?.close());

  const items = () => projects.map((id) => ({ kind: 'target_sheet', id }));

  it('says each item’s stage and whether its deadline has passed', async () => {
    const waiting = (await reviewer.get('/api/inbox?pageSize=500')).body.items.filter((i: { fiscalYear: number; kind: string }) => i.fiscalYear === 2035 && i.kind === 'target_sheet');
    expect(waiting).toHaveLength(2);
    for (const item of waiting) expect(item).toMatchObject({ stage: 'to_review', reason: '待审核', deadline: '2026-01-31', overdue: true });
  });

  it('refuses a request it cannot read with a 400 at the field, and a lead with 403', async () => {
    const empty = await reviewer.post('/api/inbox/approve', { items: [], reviewGrade: '优' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('请选择要审核的事项');
    const bad = await reviewer.post('/api/inbox/approve', { items: [{ kind: 'project', id: 'x' }], reviewGrade: '优' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual(expect.arrayContaining(['第 1 行：事项类型应为绩效目标表、监控表或自评表', '第 1 行：事项编号格式有误']));
    expect((await reviewer.post('/api/inbox/approve', { items: items(), reviewGrade: '甲' })).status).toBe(400);
    expect((await lead.post('/api/inbox/approve', { items: items(), reviewGrade: '优' })).status).toBe(403);
  });

  it('refuses each item as its own approval would: without a grade, or outside the reviewer’s scope', async () => {
    const noGrade = await reviewer.post('/api/inbox/approve', { items: items() });
    expect(noGrade.status).toBe(200);
    expect(noGrade.body).toMatchObject({ approved: 0, refused: 2 });
    for (const r of noGrade.body.results) expect(r).toMatchObject({ kind: 'target_sheet', ok: false, status: null, message: expect.stringContaining('优') });
    const outside = await otherReviewer.post('/api/inbox/approve', { items: items(), reviewGrade: '优' });
    expect(outside.body).toMatchObject({ approved: 0, refused: 2 });
    expect(outside.body.results[0].message).toBe('未找到该记录，或您无权查看');
    expect((await reviewer.get(`/api/projects/${projects[0]}/target-sheet`)).body.status).toBe('submitted');
  });

  it('approves every item it can, one transition and one version each, and says which it could not', async () => {
    expect((await reviewer.post(`/api/projects/${projects[1]}/target-sheet/approve`, { reviewGrade: '良' })).status).toBe(200);
    const reply = await reviewer.post('/api/inbox/approve', { items: items(), reviewGrade: '优', comment: '同意。', ratings: { 完整性: '优' } });
    expect(reply.body).toMatchObject({ approved: 1, refused: 1 });
    expect(reply.body.results[0]).toEqual({ kind: 'target_sheet', id: projects[0], ok: true, status: 'department_approved', message: null });
    expect(reply.body.results[1]).toMatchObject({ id: projects[1], ok: false });
    const versions = (await reviewer.get(`/api/projects/${projects[0]}/target-sheet/versions`)).body;
    expect(versions.at(-1)).toMatchObject({ action: 'approve', reviewGrade: '优', comment: '同意。', ratings: { 完整性: '优' } });
    const finance = await new Client(running.url).as('finance');
    const waiting = (await finance.get('/api/inbox?pageSize=500')).body.items.filter((i: { fiscalYear: number }) => i.fiscalYear === 2035);
    expect(waiting.map((i: { stage: string }) => i.stage)).toEqual(['to_approve', 'to_approve']);
  });
});
