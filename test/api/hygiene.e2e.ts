import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';
import { ScratchDatabase } from '../support/scratch-database';
import { testDatabaseUrl } from '../support/app';
import { SwitchableProxy } from '../support/switchable-proxy';

describe('API hygiene', () => {
  let running: RunningApp;
  let anonymous: Client;

  beforeAll(async () => {
    running = await startApp();
    anonymous = new Client(running.url);
  });
  afterAll(() => running.close());

  it('reports health with the database up', async () => {
    const reply = await anonymous.get('/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('publishes the OpenAPI document and its UI, covering every route of the contract', async () => {
    const doc = await anonymous.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/me',
        '/api/organizations',
        '/api/users',
        '/api/fiscal-years',
        '/api/projects',
        '/api/projects/{id}',
      ]),
    );
    const ui = await anonymous.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('sends security headers and a request id, keeping a sane incoming one', async () => {
    const reply = await anonymous.request('GET', '/api/health', undefined, { 'x-request-id': 'trace-12345678' });
    expect(reply.headers.get('x-request-id')).toBe('trace-12345678');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
    const odd = await anonymous.request('GET', '/api/health', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes with a Chinese 404 in the error shape', async () => {
    const reply = await anonymous.get('/api/no-such-route');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: '未找到该记录，或您无权查看', errors: [] });
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('提交的内容不是有效的 JSON 对象，请检查格式');
  });

  it('answers 503 with the database down', async () => {
    const scratch = await new ScratchDatabase().create();
    const doomed = await startApp({ databaseUrl: scratch.url });
    try {
      expect((await new Client(doomed.url).get('/api/health')).status).toBe(200);
      await scratch.drop();
      const reply = await new Client(doomed.url).get('/api/health');
      expect(reply.status).toBe(503);
      expect(reply.body).toEqual({ status: 'error', database: 'down' });
    } finally {
      await scratch.dispose();
      await doomed.close().catch(() => undefined);
    }
  });

  it('answers data routes 503 in Chinese while PostgreSQL cannot be reached, and recovers without a restart', async () => {
    const target = new URL(testDatabaseUrl());
    const proxy = await new SwitchableProxy(target.hostname, Number(target.port || 5432)).start();
    const url = new URL(target);
    url.host = `127.0.0.1:${proxy.port}`;
    const app = await startApp({ databaseUrl: url.toString() });
    try {
      const lead = await new Client(app.url).as('zfb.lead');
      expect((await lead.get('/api/projects?fiscalYear=2026')).status).toBe(200);
      await proxy.stop();
      for (const reply of [await lead.get('/api/projects?fiscalYear=2026'), await lead.get('/api/inbox'), await new Client(app.url).post('/api/auth/login', { username: 'zfb.lead', password: 'Demo@2026' })]) {
        expect(reply.status).toBe(503);
        expect(reply.body).toEqual({ message: '数据库暂时无法连接，请稍后重试', errors: [] });
      }
      expect((await anonymous.request('GET', '/api/health')).status).toBe(200);
      expect((await new Client(app.url).get('/api/health')).body).toEqual({ status: 'error', database: 'down' });
      await proxy.start();
      expect((await lead.get('/api/projects?fiscalYear=2026')).status).toBe(200);
      expect((await new Client(app.url).get('/api/health')).body).toEqual({ status: 'ok', database: 'up' });
    } finally {
      await app.close().catch(() => undefined);
      await proxy.stop();
    }
  });
});
