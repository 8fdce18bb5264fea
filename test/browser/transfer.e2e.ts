import { Browser, Response } from 'playwright-core';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';

interface Moved {
  url: string;
  kind: 'js' | 'css' | 'other';
  encoding: string;
  cache: string;
  sent: number;
  raw: number;
}

/** What Chromium moves to show the login page: each answer's bytes on the wire and unpacked. */
describe('what the login page moves', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('comes brotli-compressed, its scripts within 250 KB', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const answers: Response[] = [];
    page.on('response', (response) => void answers.push(response));
    await new LoginPage(page).open(running.url);
    await page.waitForLoadState('networkidle');
    const moved: Moved[] = [];
    for (const answer of answers) {
      if (!answer.url().startsWith(running.url) || answer.status() !== 200) continue;
      const sizes = await answer.request().sizes();
      const path = new URL(answer.url()).pathname;
      const kind = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : 'other';
      moved.push({ url: path, kind, encoding: (await answer.headerValue('content-encoding')) ?? 'identity', cache: (await answer.headerValue('cache-control')) ?? '', sent: sizes.responseBodySize, raw: (await answer.body()).length });
    }
    await context.close();
    const sum = (list: Moved[], of: (m: Moved) => number) => list.reduce((n, m) => n + of(m), 0);
    const scripts = moved.filter((m) => m.kind === 'js');
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `login page: ${moved.length} answers, ${kb(sum(moved, (m) => m.raw))} unpacked, ${kb(sum(moved, (m) => m.sent))} sent; scripts ${kb(sum(scripts, (m) => m.raw))} → ${kb(sum(scripts, (m) => m.sent))}`,
    );
    expect(scripts.length).toBeGreaterThan(3);
    // every script and style sheet over the 1 KB threshold comes compressed
    expect(moved.filter((m) => m.kind !== 'other' && m.raw > 1024 && m.encoding !== 'br')).toEqual([]);
    expect(sum(scripts, (m) => m.sent)).toBeLessThanOrEqual(250 * 1024);
    // hashed bundles, compressed or not, are kept by the browser for a year
    expect(scripts.filter((m) => !m.cache.includes('immutable'))).toEqual([]);
    expect(sum(moved, (m) => m.sent)).toBeLessThan(sum(moved, (m) => m.raw) / 3);
  });
});
