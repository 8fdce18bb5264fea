import { createHmac } from 'node:crypto';
import { Client, DEMO_PASSWORD } from '../support/http';
import { E2E_JWT_SECRET, RunningApp, startApp } from '../support/app';
import { RoundRobin } from '../support/round-robin';

const PASSWORD = 'Border@2026x';
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token signed with the server's own secret, carrying whatever claims a forger chose. */
function forged(claims: object, alg = 'HS256'): string {
  const head = `${part({ alg, typ: 'JWT' })}.${part(claims)}`;
  return alg === 'none' ? `${head}.` : `${head}.${createHmac('sha256', E2E_JWT_SECRET).update(head).digest('base64url')}`;
}
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

/** Sign-in from an address (the API trusts X-Forwarded-For from the loopback proxy in front of it). */
const signIn = (base: string, username: string, password: string, address: string) =>
  new Client(base).request('POST', '/api/auth/login', { username, password }, { 'x-forwarded-for': address });

/**
 * Sessions that end when they should (logout, password reset, disabled account), tokens that must be
 * whole, cookie writes only from this site, sign-in throttling nobody can turn against an owner —
 * held in PostgreSQL, so a second API process and a restart see the same.
 */
describe('sessions and sign-in throttling', () => {
  let running: RunningApp;
  let admin: Client;
  let userId: string;

  beforeAll(async () => {
    running = await startApp();
    admin = await new Client(running.url).as('admin');
    const orgs = (await admin.get('/api/organizations')).body as { id: string; kind: string }[];
    const department = await admin.post('/api/organizations', { name: '曲靖市边境管理支队', kind: 'department', parentId: orgs.find((o) => o.kind === 'finance')?.id });
    userId = (await admin.post('/api/users', { username: 'bjzd.reviewer', password: PASSWORD, displayName: '边境支队财务审核', role: 'department_reviewer', organizationId: department.body.id })).body.id;
  });
  afterAll(() => running?.close());

  it('ends a session on logout: its token is refused at once, another session of the same user goes on', async () => {
    const first = (await signIn(running.url, 'bjzd.reviewer', PASSWORD, '198.51.100.10')).body.accessToken;
    const second = (await signIn(running.url, 'bjzd.reviewer', PASSWORD, '198.51.100.11')).body.accessToken;
    expect(claimsOf(first).sid).not.toBe(claimsOf(second).sid);
    expect((await new Client(running.url, first).post('/api/auth/logout')).status).toBe(200);
    const after = await new Client(running.url, first).get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.message).toContain('登录已失效');
    expect((await new Client(running.url, second).get('/api/me')).status).toBe(200);
  });

  it('refuses tokens that are not whole: no expiry, no session, a sub that is not an id, alg none, a foreign signature', async () => {
    const real = claimsOf((await signIn(running.url, 'bjzd.reviewer', PASSWORD, '198.51.100.12')).body.accessToken);
    const tokens = [
      forged({ sub: real.sub, sid: real.sid, iat: real.iat }),
      forged({ sub: real.sub, exp: real.exp }),
      forged({ sub: 'admin', sid: real.sid, exp: real.exp }),
      forged({ sub: "' OR 1=1 --", sid: 'x', exp: real.exp }),
      forged({ sub: real.sub, sid: '00000000-0000-4000-8000-000000000000', exp: real.exp }),
      forged({ sub: real.sub, sid: real.sid, exp: real.exp }, 'none'),
      forged({ sub: real.sub, sid: real.sid, exp: Math.floor(Date.now() / 1000) - 60 }),
    ];
    for (const token of tokens) {
      const reply = await new Client(running.url, token).get('/api/me');
      expect({ status: reply.status, chinese: /[\u4e00-\u9fff]/.test(reply.body.message) }).toEqual({ status: 401, chinese: true });
    }
    // the same claims, whole, pass
    expect((await new Client(running.url, forged({ sub: real.sub, sid: real.sid, exp: real.exp })).get('/api/me')).status).toBe(200);
  });

  it('signs a user out everywhere when the admin resets the password or disables the account', async () => {
    const token = (await signIn(running.url, 'bjzd.reviewer', PASSWORD, '198.51.100.13')).body.accessToken;
    expect((await new Client(running.url, token).get('/api/me')).status).toBe(200);
    expect((await admin.post(`/api/users/${userId}/reset-password`, { password: 'Border@2027x' })).status).toBeLessThan(300);
    expect((await new Client(running.url, token).get('/api/me')).status).toBe(401);
    const fresh = (await signIn(running.url, 'bjzd.reviewer', 'Border@2027x', '198.51.100.13')).body.accessToken;
    expect((await admin.patch(`/api/users/${userId}`, { disabled: true })).status).toBe(200);
    expect((await new Client(running.url, fresh).get('/api/me')).status).toBe(401);
    // enabled again, the old token stays ended
    expect((await admin.patch(`/api/users/${userId}`, { disabled: false })).status).toBe(200);
    expect((await new Client(running.url, fresh).get('/api/me')).status).toBe(401);
    expect((await admin.post(`/api/users/${userId}/reset-password`, { password: PASSWORD })).status).toBeLessThan(300);
  });

  it('accepts a cookie-carried write only from this site; a bearer token needs no Origin', async () => {
    const login = await signIn(running.url, 'finance', DEMO_PASSWORD, '198.51.100.14');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const body = { name: '跨站请求检查参数', parameters: {} };
    const anonymous = new Client(running.url);
    const foreign: Record<string, string>[] = [{ cookie, origin: 'https://evil.example' }, { cookie, referer: 'https://evil.example/page' }, { cookie }, { cookie, origin: 'null' }];
    for (const headers of foreign) {
      const reply = await anonymous.request('POST', '/api/settings-profiles', body, headers);
      expect({ status: reply.status, message: reply.body.message }).toEqual({ status: 403, message: '请求来自其他网站，已拒绝；请在本系统页面中操作' });
    }
    expect((await anonymous.request('POST', '/api/auth/logout', {}, { cookie, origin: 'https://evil.example' })).status).toBe(403);
    // reads are not writes; this site's own page and a bearer client get through to validation
    expect((await anonymous.request('GET', '/api/me', undefined, { cookie, origin: 'https://evil.example' })).status).toBe(200);
    expect((await anonymous.request('POST', '/api/settings-profiles', body, { cookie, origin: running.url })).status).toBe(400);
    expect((await anonymous.request('POST', '/api/settings-profiles', body, { cookie, referer: `${running.url}/settings` })).status).toBe(400);
    expect((await new Client(running.url, login.body.accessToken).request('POST', '/api/settings-profiles', body, { origin: 'https://evil.example' })).status).toBe(400);
  });

  it('locks a wrong-password address out of an account, never the owner at another; slows a spread attack; admins see and clear locks', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(running.url, 'bjzd.reviewer', `guess-${i}x`, '203.0.113.66')).status).toBe(401);
    const locked = await signIn(running.url, 'bjzd.reviewer', PASSWORD, '203.0.113.66');
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/登录失败次数过多，请 \d+ 分钟后再试/);
    // the owner, at the office, signs in with the right password
    expect((await signIn(running.url, 'bjzd.reviewer', PASSWORD, '198.51.100.20')).status).toBe(200);
    // guesses from many addresses slow the account down but do not lock it
    for (let i = 0; i < 6; i++) expect((await signIn(running.url, 'bjzd.reviewer', `spread-${i}x`, `203.0.113.${100 + i}`)).status).toBe(401);
    expect((await signIn(running.url, 'bjzd.reviewer', PASSWORD, '198.51.100.21')).status).toBe(200);

    const locks = (await admin.get('/api/login-locks')).body as { key: string; username: string | null; address: string; failures: number; lockedUntil: string }[];
    const lock = locks.find((l) => l.username === 'bjzd.reviewer' && l.address === '203.0.113.66');
    expect(lock).toMatchObject({ failures: 5, lockedUntil: expect.any(String) });
    expect((await new Client(running.url, (await signIn(running.url, 'bjzd.reviewer', PASSWORD, '198.51.100.22')).body.accessToken).get('/api/login-locks')).status).toBe(403);
    expect((await admin.request('DELETE', `/api/login-locks/${encodeURIComponent(lock?.key ?? '')}`)).status).toBe(200);
    expect((await admin.request('DELETE', `/api/login-locks/${encodeURIComponent(lock?.key ?? '')}`)).status).toBe(404);
    expect((await signIn(running.url, 'bjzd.reviewer', PASSWORD, '203.0.113.66')).status).toBe(200);
    const log = (await admin.get('/api/audit?entity=login_lock&pageSize=50')).body.items as { field: string }[];
    expect(log.map((e) => e.field)).toContain(lock?.key);
  });

  it('locks an address that tries many accounts', async () => {
    const replies = [];
    for (let i = 0; i < 50; i++) replies.push((await signIn(running.url, `nobody${i}`, 'guess-1x', '203.0.113.200')).status);
    expect(new Set(replies)).toEqual(new Set([401]));
    expect((await signIn(running.url, 'finance', DEMO_PASSWORD, '203.0.113.200')).status).toBe(429);
    expect((await signIn(running.url, 'finance', DEMO_PASSWORD, '203.0.113.201')).status).toBe(200);
  });

  it('behaves the same behind a round-robin proxy over two API processes: sign-in, logout, locks and a single winner of racing saves', async () => {
    const other = await startApp();
    const proxy = await new RoundRobin([running.url, other.url]).start();
    try {
      const token = (await signIn(proxy.url, 'bjzd.reviewer', PASSWORD, '198.51.100.30')).body.accessToken;
      const reviewer = new Client(proxy.url, token);
      const seen = await Promise.all(Array.from({ length: 4 }, () => reviewer.get('/api/me')));
      expect(seen.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect((await reviewer.post('/api/auth/logout')).status).toBe(200);
      const after = await Promise.all(Array.from({ length: 4 }, () => reviewer.get('/api/me')));
      expect(after.map((r) => r.status)).toEqual([401, 401, 401, 401]);

      // five failures spread over both processes lock the pair on both
      for (let i = 0; i < 5; i++) expect((await signIn(proxy.url, 'bjzd.reviewer', `guess-${i}x`, '203.0.113.77')).status).toBe(401);
      expect((await signIn(proxy.url, 'bjzd.reviewer', PASSWORD, '203.0.113.77')).status).toBe(429);
      expect((await signIn(proxy.url, 'bjzd.reviewer', PASSWORD, '203.0.113.77')).status).toBe(429);

      // ten racing saves of the same version of the department's overall target: one wins, the rest are told
      const fresh = new Client(proxy.url, (await signIn(proxy.url, 'bjzd.reviewer', PASSWORD, '198.51.100.31')).body.accessToken);
      const departmentId = (await fresh.get('/api/me')).body.organizationId;
      const path = `/api/departments/${departmentId}/overall-target/2026`;
      const read = (await fresh.get(path)).body;
      const save = (n: number) =>
        fresh.request('PUT', path, { version: read.version, duties: [`守好边境第 ${n} 稿`], tasks: [], budget: { total: '0', basic: '0', project: '0', appropriation: '0', carryOver: '0', other: '0' }, indicators: [] });
      const replies = await Promise.all(Array.from({ length: 10 }, (_, n) => save(n)));
      expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
      expect(proxy.served.every((n) => n > 5)).toBe(true);
    } finally {
      await proxy.stop();
      await other.close();
    }
  });
});
