import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '../support/http';

const REPO = join(__dirname, '..', '..');
const ARTIFACTS = join(REPO, 'test', 'artifacts');

/**
 * The README's `npm start` with no DATABASE_URL, run in a copy of the committed tree the way a
 * newcomer runs it: embedded PostgreSQL in a git-ignored data dir, kept across a restart and
 * across a kill -9. node_modules is linked from this checkout (the install itself is exercised
 * by CI, which starts from a fresh clone).
 */
describe('npm start with the embedded database', () => {
  let copy: string;
  let port: number;
  let running: ChildProcess | null = null;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    copy = join(mkdtempSync(join(tmpdir(), 'pm-start-')), 'app');
    chmodSync(dirname(copy), 0o755);
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) {
      if (!existsSync(join(REPO, file))) continue;
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(REPO, file), join(copy, file), { preserveTimestamps: true });
    }
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    port = await freePort();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    if (running) await kill(running, 'SIGKILL');
    console.log(`npm start timings (s): ${JSON.stringify(timings)}`);
    rmSync(dirname(copy), { recursive: true, force: true });
  });

  function start(label: string): ChildProcess {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NX_DAEMON: 'false' };
    delete env['DATABASE_URL'];
    delete env['TEST_DATABASE_URL'];
    const log = openSync(join(ARTIFACTS, `npm-start-${label}.log`), 'w');
    return spawn('npm', ['start'], { cwd: copy, env, detached: true, stdio: ['ignore', log, log] });
  }

  async function waitHealthy(child: ChildProcess, label: string): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < 300_000) {
      if (child.exitCode !== null) throw new Error(`npm start (${label}) exited with ${child.exitCode}; see test/artifacts/npm-start-${label}.log`);
      try {
        const reply = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (reply.status === 200) {
          timings[label] = Math.round((Date.now() - started) / 100) / 10;
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error(`npm start (${label}) did not answer /api/health within 5 minutes`);
  }

  async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
    const gone = child.exitCode !== null || child.signalCode !== null;
    const exited = new Promise<number | null>((done) => (gone ? done(child.exitCode) : child.once('exit', (code) => done(code))));
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // already gone
    }
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
    if (code === 'timeout') throw new Error(`npm start ignored ${signal} for 30 s`);
    return code;
  }

  const postmasterPid = () => join(copy, '.data', 'postgres', 'postmaster.pid');

  /** npm exits as soon as it is signalled; the start script then finishes stopping PostgreSQL. */
  async function waitUnlocked(): Promise<boolean> {
    for (let i = 0; i < 300 && existsSync(postmasterPid()); i++) await new Promise((r) => setTimeout(r, 100));
    return !existsSync(postmasterPid());
  }

  it('starts on a fresh copy, serves the web app and the API, and lets the demo users sign in', async () => {
    running = start('first');
    await waitHealthy(running, 'first');
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(await home.text()).toContain('<pm-root>');
    const lead = await new Client(`http://127.0.0.1:${port}`).as('zfb.lead');
    const created = await lead.post('/api/projects', {
      fiscalYear: 2026,
      unitId: (await lead.get('/api/me')).body.organizationId,
      name: '重启后仍应存在的项目',
      funds: { total: '12.34', currentYearAppropriation: '12.34', carryOver: '0', other: '0' },
    });
    expect(created.status).toBe(201);
    expect(readFileSync(join(copy, '.gitignore'), 'utf8')).toContain('.data/');
  }, 400_000);

  it('stops PostgreSQL cleanly on SIGTERM and finds its data again on a start made at once', async () => {
    await kill(running as ChildProcess, 'SIGTERM');
    // npm is gone at once; the start script is still stopping: a newcomer's immediate restart waits for it
    running = start('second');
    expect(await waitUnlocked()).toBe(true);
    expect(readFileSync(join(ARTIFACTS, 'npm-start-first.log'), 'utf8')).toContain('stopping the embedded PostgreSQL');
    await waitHealthy(running, 'second');
    const lead = await new Client(`http://127.0.0.1:${port}`).as('zfb.lead');
    const found = await lead.get(`/api/projects?q=${encodeURIComponent('重启后仍应存在')}`);
    expect(found.body.items.map((p: { funds: { total: string } }) => p.funds.total)).toEqual(['12.34']);
    // demo data is loaded once: still 10 + the one created above
    expect((await lead.get('/api/projects?fiscalYear=2026')).body.total).toBe(11);
  }, 400_000);

  it('refuses a second npm start on the same data while the first is running, and the first keeps running', async () => {
    const second = start('duplicate');
    const code = await new Promise<number | null>((done) => second.once('exit', (c) => done(c)));
    expect(code).not.toBe(0);
    expect(readFileSync(join(ARTIFACTS, 'npm-start-duplicate.log'), 'utf8')).toMatch(/已有一个 npm start 在使用这份数据（进程 \d+，端口 \d+/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect(existsSync(postmasterPid())).toBe(true);
  }, 400_000);

  it('stops the start script, the API and PostgreSQL when only npm is sent SIGTERM', async () => {
    process.kill((running as ChildProcess).pid as number, 'SIGTERM');
    expect(await allGone()).toEqual([]);
    expect(existsSync(postmasterPid())).toBe(false);
    running = start('third');
    await waitHealthy(running, 'third');
  }, 400_000);

  it('stops the API and PostgreSQL when the start script itself is killed -9', async () => {
    const script = processesOfCopy().find((p) => p.cmdline.includes('scripts/start.mjs'));
    expect(script).toBeDefined();
    process.kill((script as { pid: number }).pid, 'SIGKILL');
    expect(await allGone()).toEqual([]);
    running = start('fourth');
    await waitHealthy(running, 'fourth');
  }, 400_000);

  /** Every process running from the copy: its command line names the copy, or it runs in it. */
  function processesOfCopy(): { pid: number; cmdline: string }[] {
    const found: { pid: number; cmdline: string }[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
      try {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
        const status = readFileSync(`/proc/${entry}/status`, 'utf8');
        if (!cmdline || /State:\s+Z/.test(status)) continue;
        if (cmdline.includes(copy) || readlinkSync(`/proc/${entry}/cwd`).startsWith(copy)) found.push({ pid: Number(entry), cmdline });
      } catch {
        // gone meanwhile
      }
    }
    return found;
  }

  /** Waits up to 30 s for every process of the copy to end; what is left. */
  async function allGone(): Promise<string[]> {
    for (let i = 0; i < 300 && processesOfCopy().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    return processesOfCopy().map((p) => p.cmdline);
  }

  it('starts again after kill -9 left a stale postmaster.pid behind', async () => {
    await kill(running as ChildProcess, 'SIGKILL');
    expect(existsSync(postmasterPid())).toBe(true);
    running = start('after-kill');
    await waitHealthy(running, 'after-kill');
    const lead = await new Client(`http://127.0.0.1:${port}`).as('zfb.lead');
    expect((await lead.get('/api/projects?fiscalYear=2026')).body.total).toBe(11);
    await kill(running, 'SIGTERM');
    running = null;
  }, 400_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
