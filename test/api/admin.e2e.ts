import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

describe('administration of organisations, users and fiscal years', () => {
  let running: RunningApp;
  let admin: Client;
  let orgs: Record<string, string>;

  beforeAll(async () => {
    running = await startApp();
    admin = await new Client(running.url).as('admin');
    orgs = Object.fromEntries((await admin.get('/api/organizations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));
  });
  afterAll(() => running.close());

  it('adds a department under finance and a unit under it, keeping the tree shape', async () => {
    const department = await admin.post('/api/organizations', { name: '曲靖市机关事务管理局', kind: 'department', parentId: orgs['曲靖市财政局'] });
    expect(department.status).toBe(201);
    expect(department.body).toMatchObject({ kind: 'department', parentId: orgs['曲靖市财政局'], code: null });
    const unit = await admin.post('/api/organizations', { name: '曲靖市机关事务管理局（本级）', kind: 'unit', parentId: department.body.id, code: '401001' });
    expect(unit.status).toBe(201);
    const misplaced = await admin.post('/api/organizations', { name: '错放的单位', kind: 'unit', parentId: orgs['曲靖市财政局'] });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.message).toBe('预算单位的上级必须是主管部门');
    const duplicate = await admin.post('/api/organizations', { name: '曲靖市机关事务管理局（本级）', kind: 'unit', parentId: department.body.id });
    expect(duplicate.body.message).toBe('同一上级下已有名为「曲靖市机关事务管理局（本级）」的单位');
    const renamed = await admin.patch(`/api/organizations/${unit.body.id}`, { name: '曲靖市机关事务管理局本级' });
    expect(renamed.body.name).toBe('曲靖市机关事务管理局本级');
  });

  it('creates a user whose role fits the organisation, and refuses one that does not', async () => {
    const good = await admin.post('/api/users', { username: 'zfb.lead2', password: 'Second@2026', displayName: '第二负责人', role: 'project_lead', organizationId: orgs['曲靖市人民政府办公室（本级）'] });
    expect(good.status).toBe(201);
    expect(good.body).toMatchObject({ username: 'zfb.lead2', organizationName: '曲靖市人民政府办公室（本级）', disabled: false });
    expect(good.body.passwordHash).toBeUndefined();
    const misfit = await admin.post('/api/users', { username: 'zfb.misfit', password: 'Second@2026', displayName: '错配', role: 'department_reviewer', organizationId: orgs['曲靖市人民政府办公室（本级）'] });
    expect(misfit.status).toBe(400);
    expect(misfit.body.message).toBe('主管部门审核须属于主管部门');
    const weak = await admin.post('/api/users', { username: 'zfb.weak', password: 'short', displayName: '弱密码', role: 'project_lead', organizationId: orgs['曲靖市人民政府办公室（本级）'] });
    expect(weak.body.message).toBe('密码至少 8 位');
    const taken = await admin.post('/api/users', { username: 'ZFB.LEAD', password: 'Second@2026', displayName: '重名', role: 'project_lead', organizationId: orgs['曲靖市人民政府办公室（本级）'] });
    expect(taken.body.message).toBe('用户名「ZFB.LEAD」已被使用');
  });

  it('refuses a user body that tries to smuggle extra fields', async () => {
    const reply = await admin.post('/api/users', { username: 'sneaky', password: 'Sneaky@2026', displayName: '多字段', role: 'project_lead', organizationId: orgs['曲靖市信访局（本级）'], passwordHash: 'x' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ field: 'passwordHash', message: '不允许提交字段「passwordHash」' }]);
  });

  it('resets a password so the old one stops working and the new one signs in', async () => {
    const user = await admin.post('/api/users', { username: 'reset.me', password: 'Before@2026', displayName: '待重置', role: 'project_lead', organizationId: orgs['曲靖市信访局（本级）'] });
    expect((await admin.post(`/api/users/${user.body.id}/reset-password`, { password: 'After@2026' })).status).toBe(200);
    const anonymous = new Client(running.url);
    expect((await anonymous.post('/api/auth/login', { username: 'reset.me', password: 'Before@2026' })).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { username: 'reset.me', password: 'After@2026' })).status).toBe(200);
  });

  it('does not let an admin disable themselves', async () => {
    const me = await admin.get('/api/me');
    const reply = await admin.patch(`/api/users/${me.body.id}`, { disabled: true });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('不能停用自己的账号或修改自己的角色');
  });

  it('opens a new fiscal year and closes it', async () => {
    const created = await admin.post('/api/fiscal-years', { year: 2027 });
    expect(created.body).toEqual({ year: 2027, status: 'open', profileId: expect.any(String), targetDeadline: null });
    expect((await admin.patch('/api/fiscal-years/2027', { targetDeadline: '2027-01-20' })).body.targetDeadline).toBe('2027-01-20');
    expect((await admin.patch('/api/fiscal-years/2027', { targetDeadline: '2027/1/20' })).body.message).toBe('截止日期应为“年-月-日”，如 2026-12-15');
    expect((await admin.post('/api/fiscal-years', { year: 2027 })).body.message).toBe('2027 年度已存在');
    expect((await admin.patch('/api/fiscal-years/2027', { status: 'closed' })).body).toMatchObject({ year: 2027, status: 'closed' });
    expect((await admin.post('/api/fiscal-years', { year: 1999 })).body.message).toBe('年度须在 2000–2100 之间');
    const years = (await (await new Client(running.url).as('zfb.lead')).get('/api/fiscal-years')).body.map((y: { year: number }) => y.year);
    expect(years).toEqual(expect.arrayContaining([2024, 2026, 2027]));
  });

  it('pages the user list and searches it by username, name or organisation', async () => {
    const first = await admin.get('/api/users?pageSize=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThanOrEqual(6);
    const second = await admin.get('/api/users?pageSize=2&page=2');
    expect(second.body.items.map((u: { id: string }) => u.id)).not.toContain(first.body.items[0].id);
    const byOrganisation = await admin.get(`/api/users?q=${encodeURIComponent('信访局')}`);
    expect(byOrganisation.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['xfj.lead', 'xfj.reviewer']));
    expect(byOrganisation.body.items.every((u: { organizationName: string }) => u.organizationName.includes('信访局'))).toBe(true);
    expect((await admin.get('/api/users?q=%25')).body.items).toEqual([]);
    expect((await admin.get('/api/users?pageSize=501')).body.message).toBe('每页最多 500 条');
  });

  it.each(['finance', 'zfb.reviewer', 'zfb.lead'])('answers 403 to %s on every admin route', async (username) => {
    const client = await new Client(running.url).as(username);
    expect((await client.get('/api/users')).status).toBe(403);
    expect((await client.post('/api/users', {})).status).toBe(403);
    expect((await client.post('/api/organizations', { name: 'x', kind: 'unit', parentId: null })).status).toBe(403);
    expect((await client.post('/api/fiscal-years', { year: 2030 })).status).toBe(403);
    expect((await client.get('/api/users')).body.message).toBe('您没有执行此操作的权限');
  });
});
