import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';
import { ScratchDatabase } from '../support/scratch-database';

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

  it('does not let an admin disable themselves or change their own role (409)', async () => {
    const me = await admin.get('/api/me');
    for (const reply of [
      await admin.patch(`/api/users/${me.body.id}`, { disabled: true }),
      await admin.post(`/api/users/${me.body.id}/disable`),
      await admin.patch(`/api/users/${me.body.id}`, { role: 'finance_reviewer' }),
    ]) {
      expect(reply.status).toBe(409);
      expect(reply.body.message).toBe('不能停用自己的账号或修改自己的角色');
    }
    expect((await admin.get('/api/me')).status).toBe(200);
  });

  describe('editing, disabling and finding accounts', () => {
    let unitA: string;
    let unitB: string;
    let department: string;
    let user: { id: string };

    beforeAll(async () => {
      const created = await admin.post('/api/organizations', { name: '曲靖市博物馆', kind: 'department', parentId: orgs['曲靖市财政局'] });
      department = created.body.id;
      unitA = (await admin.post('/api/organizations', { name: '曲靖市博物馆（本级）', kind: 'unit', parentId: department })).body.id;
      unitB = (await admin.post('/api/organizations', { name: '曲靖市博物馆征集中心', kind: 'unit', parentId: department })).body.id;
      user = (await admin.post('/api/users', { username: 'bwg.lead', password: 'Archive@2026', displayName: '博物馆负责人', role: 'project_lead', organizationId: unitA })).body;
    });

    it('changes the display name and moves the user to another unit, and audits both', async () => {
      const edited = await admin.patch(`/api/users/${user.id}`, { displayName: ' 博物馆项目负责人 ', organizationId: unitB });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ displayName: '博物馆项目负责人', organizationId: unitB, organizationName: '曲靖市博物馆征集中心', role: 'project_lead' });
      const audit = await admin.get(`/api/audit?entity=user&entityId=${user.id}`);
      expect(audit.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'update', field: '姓名', oldValue: '博物馆负责人', newValue: '博物馆项目负责人', actor: '系统管理员' }),
          expect.objectContaining({ action: 'update', field: '所属单位', oldValue: '曲靖市博物馆（本级）', newValue: '曲靖市博物馆征集中心' }),
          expect.objectContaining({ action: 'create', field: '用户' }),
        ]),
      );
    });

    it('changes the role only together with an organisation that fits it, by the rule creation uses', async () => {
      const misfit = await admin.patch(`/api/users/${user.id}`, { role: 'department_reviewer' });
      expect(misfit.status).toBe(400);
      expect(misfit.body).toEqual({ message: '主管部门审核须属于主管部门', errors: [{ field: 'organizationId', message: '主管部门审核须属于主管部门' }] });
      const promoted = await admin.patch(`/api/users/${user.id}`, { role: 'department_reviewer', organizationId: department });
      expect(promoted.body).toMatchObject({ role: 'department_reviewer', organizationName: '曲靖市博物馆' });
      expect((await admin.patch(`/api/users/${user.id}`, { role: 'project_lead', organizationId: unitA })).status).toBe(200);
    });

    it('answers bad edits with 400 at their fields', async () => {
      const bad = await admin.patch(`/api/users/${user.id}`, { displayName: '', role: 'boss', organizationId: 'nowhere' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'displayName', message: '请填写姓名' },
          { field: 'role', message: '角色无效' },
          { field: 'organizationId', message: '请选择所属单位' },
        ]),
      );
      const gone = await admin.patch(`/api/users/${user.id}`, { organizationId: '00000000-0000-4000-8000-000000000000' });
      expect(gone.body.errors).toEqual([{ field: 'organizationId', message: '所属单位不存在' }]);
      expect((await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: '无人' })).status).toBe(404);
      expect((await admin.get('/api/users?role=boss')).body.errors).toEqual([{ field: 'role', message: '角色无效' }]);
    });

    it('disables a user: the old session gets 401 at once, sign-in says the account is disabled; enabling lets them in again', async () => {
      const session = await new Client(running.url).as('bwg.lead', 'Archive@2026');
      expect((await session.get('/api/me')).status).toBe(200);
      const disabled = await admin.post(`/api/users/${user.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      expect((await session.get('/api/me')).status).toBe(401);
      const refused = await new Client(running.url).post('/api/auth/login', { username: 'bwg.lead', password: 'Archive@2026' });
      expect(refused.status).toBe(401);
      expect(refused.body.message).toBe('该账号已停用，请联系管理员');
      const enabled = await admin.post(`/api/users/${user.id}/enable`);
      expect(enabled.body.disabled).toBe(false);
      expect((await new Client(running.url).post('/api/auth/login', { username: 'bwg.lead', password: 'Archive@2026' })).status).toBe(200);
      const audit = await admin.get(`/api/audit?entity=user&entityId=${user.id}`);
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['disable', 'enable']));
    });

    it('filters the user list by role and organisation, paged', async () => {
      const leads = await admin.get(`/api/users?role=project_lead&organizationId=${unitA}`);
      expect(leads.body).toEqual({ total: 1, items: [expect.objectContaining({ username: 'bwg.lead' })] });
      const reviewers = await admin.get(`/api/users?role=department_reviewer&organizationId=${unitA}`);
      expect(reviewers.body).toEqual({ total: 0, items: [] });
      const named = await admin.get(`/api/users?q=${encodeURIComponent('博物馆项目')}&role=project_lead&pageSize=1`);
      expect(named.body.items.map((u: { username: string }) => u.username)).toEqual(['bwg.lead']);
    });
  });

  describe('renaming, moving and deleting organisations', () => {
    let department: string;
    let other: string;
    let unit: string;

    beforeAll(async () => {
      department = (await admin.post('/api/organizations', { name: '曲靖市水文局', kind: 'department', parentId: orgs['曲靖市财政局'] })).body.id;
      other = (await admin.post('/api/organizations', { name: '曲靖市气象局', kind: 'department', parentId: orgs['曲靖市财政局'] })).body.id;
      unit = (await admin.post('/api/organizations', { name: '曲靖市地震监测中心', kind: 'unit', parentId: department })).body.id;
    });

    it('renames an organisation and audits the old and new name', async () => {
      const renamed = await admin.patch(`/api/organizations/${unit}`, { name: '曲靖市地震监测台', code: '409001' });
      expect(renamed.body).toMatchObject({ name: '曲靖市地震监测台', code: '409001' });
      const audit = await admin.get(`/api/audit?entity=organization&entityId=${unit}`);
      expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'update', field: '单位名称', oldValue: '曲靖市地震监测中心', newValue: '曲靖市地震监测台' })]));
      const blank = await admin.patch(`/api/organizations/${unit}`, { name: '  ' });
      expect(blank.status).toBe(400);
    });

    it('moves a unit to another department, and refuses cycles and moves that break the tree', async () => {
      const moved = await admin.patch(`/api/organizations/${unit}`, { parentId: other });
      expect(moved.status).toBe(200);
      expect(moved.body.parentId).toBe(other);
      const audit = await admin.get(`/api/audit?entity=organization&entityId=${unit}`);
      expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'move', field: '上级单位', oldValue: '曲靖市水文局', newValue: '曲靖市气象局' })]));
      const cycle = await admin.patch(`/api/organizations/${other}`, { parentId: unit });
      expect(cycle.status).toBe(400);
      expect(cycle.body).toEqual({ message: '不能把单位移到它自己或它的下级单位之下', errors: [{ field: 'parentId', message: '不能把单位移到它自己或它的下级单位之下' }] });
      const self = await admin.patch(`/api/organizations/${other}`, { parentId: other });
      expect(self.body.errors).toEqual([{ field: 'parentId', message: '不能把单位移到它自己或它的下级单位之下' }]);
      const shape = await admin.patch(`/api/organizations/${unit}`, { parentId: orgs['曲靖市财政局'] });
      expect(shape.body.errors).toEqual([{ field: 'parentId', message: '预算单位的上级必须是主管部门' }]);
      const root = await admin.patch(`/api/organizations/${department}`, { parentId: null });
      expect(root.body.errors).toEqual([{ field: 'parentId', message: '主管部门的上级必须是财政部门' }]);
      const bad = await admin.patch(`/api/organizations/${unit}`, { parentId: 'up' });
      expect(bad.body.errors).toEqual([{ field: 'parentId', message: '上级单位无效' }]);
    });

    it('refuses a move that would give two organisations one name under one parent', async () => {
      const twin = (await admin.post('/api/organizations', { name: '曲靖市地震监测台', kind: 'unit', parentId: department })).body.id;
      const clash = await admin.patch(`/api/organizations/${twin}`, { parentId: other });
      expect(clash.status).toBe(400);
      expect(clash.body.errors).toEqual([{ field: 'name', message: '单位名称重复' }]);
      expect((await admin.request('DELETE', `/api/organizations/${twin}`)).status).toBe(200);
    });

    it('refuses to delete an organisation that still holds something, naming what (409)', async () => {
      await admin.post('/api/users', { username: 'qxj.lead', password: 'Weather@2026', displayName: '气象局负责人', role: 'project_lead', organizationId: unit });
      const department = await admin.request('DELETE', `/api/organizations/${other}`);
      expect(department.status).toBe(409);
      expect(department.body).toEqual({ message: '「曲靖市气象局」还有 1 个下级单位，不能删除；请先移走或删除这些内容', errors: [{ field: 'organizations', message: '还有 1 个下级单位' }] });
      const withUser = await admin.request('DELETE', `/api/organizations/${unit}`);
      expect(withUser.status).toBe(409);
      expect(withUser.body.message).toBe('「曲靖市地震监测台」还有 1 个用户，不能删除；请先移走或删除这些内容');
      const withProjects = await admin.request('DELETE', `/api/organizations/${orgs['曲靖市信访局（本级）']}`);
      expect(withProjects.status).toBe(409);
      expect(withProjects.body.message).toMatch(/^「曲靖市信访局（本级）」还有 \d+ 个用户、\d+ 个项目/);
    });

    it('deletes an empty organisation and audits it', async () => {
      const deleted = await admin.request('DELETE', `/api/organizations/${department}`);
      expect(deleted.status).toBe(200);
      expect((await admin.get('/api/organizations')).body.map((o: { id: string }) => o.id)).not.toContain(department);
      const audit = await admin.get(`/api/audit?entity=organization&entityId=${department}`);
      expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'delete', oldValue: '曲靖市水文局' })]));
      expect((await admin.request('DELETE', `/api/organizations/${department}`)).status).toBe(404);
    });
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
    expect((await client.patch(`/api/organizations/${orgs['曲靖市信访局（本级）']}`, { name: 'x' })).status).toBe(403);
    expect((await client.request('DELETE', `/api/organizations/${orgs['曲靖市信访局（本级）']}`)).status).toBe(403);
    const me = (await client.get('/api/me')).body.id;
    expect((await client.patch(`/api/users/${me}`, { displayName: 'x' })).status).toBe(403);
    expect((await client.post(`/api/users/${me}/disable`)).status).toBe(403);
    expect((await client.post(`/api/users/${me}/enable`)).status).toBe(403);
    expect((await client.post('/api/fiscal-years', { year: 2030 })).status).toBe(403);
    expect((await client.get('/api/users')).body.message).toBe('您没有执行此操作的权限');
  });
});

describe('the last enabled admin', () => {
  let scratch: ScratchDatabase;
  let running: RunningApp;

  beforeAll(async () => {
    scratch = await new ScratchDatabase().create();
    running = await startApp({ databaseUrl: scratch.url, demoData: false, adminPassword: 'Only@Admin2026' });
  });
  afterAll(async () => {
    await running?.close();
    await scratch?.dispose();
  });

  it('stays: two admins disabling each other at once leave one of them enabled', async () => {
    const first = await new Client(running.url).as('admin', 'Only@Admin2026');
    const finance = (await first.get('/api/organizations')).body[0].id;
    const second = (await first.post('/api/users', { username: 'second.admin', password: 'Second@Admin2026', displayName: '第二管理员', role: 'admin', organizationId: finance })).body;
    const secondClient = await new Client(running.url).as('second.admin', 'Second@Admin2026');
    const firstId = (await first.get('/api/me')).body.id;
    const replies = await Promise.all([first.post(`/api/users/${second.id}/disable`), secondClient.post(`/api/users/${firstId}/disable`)]);
    const statuses = replies.map((r) => r.status).sort();
    // the loser was either signed out already (401) or found it would leave no admin (409)
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const refused = replies.find((r) => r.status === 409);
    if (refused) expect(refused.body.message).toBe('这是最后一个启用的管理员账号，不能停用或改为其他角色');
    const standing = await (replies[0].status === 200 ? first : secondClient).get('/api/users?role=admin');
    expect(standing.body.items.filter((u: { disabled: boolean }) => !u.disabled)).toHaveLength(1);
  });
});

