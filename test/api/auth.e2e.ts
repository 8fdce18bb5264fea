import { Client, DEMO_PASSWORD } from '../support/http';
import { RunningApp, startApp } from '../support/app';

describe('sign-in', () => {
  let running: RunningApp;
  let anonymous: Client;

  beforeAll(async () => {
    running = await startApp();
    anonymous = new Client(running.url);
  });
  afterAll(() => running.close());

  it('returns a token and the user for the right password, and sets an httpOnly SameSite cookie', async () => {
    const reply = await anonymous.post('/api/auth/login', { username: 'zfb.lead', password: DEMO_PASSWORD });
    expect(reply.status).toBe(200);
    expect(typeof reply.body.accessToken).toBe('string');
    expect(reply.body.user).toMatchObject({ username: 'zfb.lead', role: 'project_lead', displayName: '政府办项目负责人' });
    expect(Object.keys(reply.body.user).sort()).toEqual(['displayName', 'id', 'organizationId', 'role', 'username']);
    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pm_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('accepts the username in any letter case', async () => {
    const reply = await anonymous.post('/api/auth/login', { username: 'ZFB.Lead', password: DEMO_PASSWORD });
    expect(reply.status).toBe(200);
  });

  it('answers 401 in Chinese for a wrong password and for an unknown user, alike', async () => {
    const wrong = await anonymous.post('/api/auth/login', { username: 'finance', password: 'not-it-1' });
    const unknown = await anonymous.post('/api/auth/login', { username: 'nobody.here', password: 'not-it-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ message: '用户名或密码错误', errors: [] });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('locks an account with 429 after five failures, even for the right password', async () => {
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push((await anonymous.post('/api/auth/login', { username: 'xfj.reviewer', password: `wrong-${i}x` })).status);
    expect(tries).toEqual([401, 401, 401, 401, 401]);
    const locked = await anonymous.post('/api/auth/login', { username: 'xfj.reviewer', password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toContain('登录失败次数过多');
    // other accounts are not affected
    expect((await anonymous.post('/api/auth/login', { username: 'xfj.lead', password: DEMO_PASSWORD })).status).toBe(200);
    // the counters are in the shared database: the admin clears the lock for the suites that sign in as xfj.reviewer
    const admin = await anonymous.as('admin');
    const lock = ((await admin.get('/api/login-locks')).body as { key: string; username: string }[]).find((l) => l.username === 'xfj.reviewer');
    expect((await admin.request('DELETE', `/api/login-locks/${encodeURIComponent(lock?.key ?? '')}`)).status).toBe(200);
    expect((await anonymous.post('/api/auth/login', { username: 'xfj.reviewer', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('refuses an empty or malformed login body with 400', async () => {
    const reply = await anonymous.post('/api/auth/login', { username: '' });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('请输入用户名');
  });

  it('answers 401 without a token, with a bad token, and with a tampered token', async () => {
    expect((await anonymous.get('/api/me')).status).toBe(401);
    expect((await anonymous.get('/api/projects')).status).toBe(401);
    expect((await new Client(running.url, 'not.a.jwt').get('/api/me')).status).toBe(401);
    const good = await anonymous.post('/api/auth/login', { username: 'finance', password: DEMO_PASSWORD });
    const tampered = good.body.accessToken.slice(0, -3) + 'abc';
    const reply = await new Client(running.url, tampered).get('/api/me');
    expect(reply.status).toBe(401);
    expect(reply.body.message).toBe('登录已过期，请重新登录');
  });

  it('authenticates with the session cookie alone, and logout clears it', async () => {
    const login = await anonymous.post('/api/auth/login', { username: 'finance', password: DEMO_PASSWORD });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const me = await anonymous.request('GET', '/api/me', undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'finance', role: 'finance_reviewer', organizationName: '曲靖市财政局' });
    expect(me.body.permissions).toContain('projects.read');
    const logout = await anonymous.request('POST', '/api/auth/logout', {}, { cookie, origin: running.url });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/pm_session=;/);
  });

  it('shuts out a disabled account at once, token or not', async () => {
    const admin = await anonymous.as('admin');
    const orgs = await admin.get('/api/organizations');
    const unit = orgs.body.find((o: { name: string }) => o.name === '曲靖市信访局（本级）');
    const created = await admin.post('/api/users', {
      username: 'xfj.temp',
      password: 'Temp@2026x',
      displayName: '临时人员',
      role: 'project_lead',
      organizationId: unit.id,
    });
    expect(created.status).toBe(201);
    const temp = await anonymous.as('xfj.temp', 'Temp@2026x');
    expect((await temp.get('/api/me')).status).toBe(200);
    expect((await admin.patch(`/api/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect((await temp.get('/api/me')).status).toBe(401);
    const again = await anonymous.post('/api/auth/login', { username: 'xfj.temp', password: 'Temp@2026x' });
    expect(again.status).toBe(401);
    expect(again.body.message).toBe('该账号已停用，请联系管理员');
  });
});
