import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';
import { ScratchDatabase } from '../support/scratch-database';

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
    expect((await response.json()).message).toBe('提交的数据有误');
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
});
