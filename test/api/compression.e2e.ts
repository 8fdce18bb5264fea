import { RunningApp, startApp } from '../support/app';
import { Client } from '../support/http';

/** The web app's transfer is measured in a real browser (test/browser/transfer.e2e.ts); here the API's JSON. */
describe('compressed answers', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('gzips a JSON answer for a client that takes only gzip, and keeps its ETag for a 304', async () => {
    const admin = await new Client(running.url).as('admin');
    const headers = { authorization: `Bearer ${admin.token}`, 'accept-encoding': 'gzip' };
    const reply = await fetch(`${running.url}/api/docs-json`, { headers });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-encoding')).toBe('gzip');
    expect(reply.headers.get('vary')).toContain('accept-encoding');
    expect((await reply.json()).openapi).toMatch(/^3\./);
    const tag = reply.headers.get('etag');
    expect(tag).toMatch(/^W\//);
    const again = await fetch(`${running.url}/api/docs-json`, { headers: { ...headers, 'if-none-match': tag as string } });
    expect(again.status).toBe(304);
  });

  it('leaves small answers and xlsx files uncompressed', async () => {
    const health = await fetch(`${running.url}/api/health`, { headers: { 'accept-encoding': 'br' } });
    expect(health.headers.get('content-encoding')).toBeNull();
    const lead = await new Client(running.url).as('zfb.lead');
    const me = await lead.get('/api/me');
    const table = await fetch(`${running.url}/api/target-tables.xlsx?fiscalYear=2026&organizationId=${me.body.organizationId}`, { headers: { authorization: `Bearer ${lead.token}`, 'accept-encoding': 'br' } });
    expect(table.status).toBe(200);
    expect(table.headers.get('content-type')).toContain('spreadsheetml');
    expect(table.headers.get('content-encoding')).toBeNull();
  });
});
