import { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/app/bootstrap';
import { AppConfig, loadConfig } from '../../apps/api/src/app/config/app-config';

export interface RunningApp {
  url: string;
  app: INestApplication;
  close(): Promise<void>;
}

/** The secret the test apps sign with, so a test can forge tokens the way an attacker who guessed it would. */
export const E2E_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-the-check';

export const WEB_DIST = join(__dirname, '..', '..', 'dist', 'apps', 'web', 'browser');

export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through test/jest.config.cts');
  return url;
}

/** Boots the real application on a free port against the test database. */
export async function startApp(overrides: Partial<AppConfig> = {}): Promise<RunningApp> {
  const config = {
    ...loadConfig({ DATABASE_URL: testDatabaseUrl(), JWT_SECRET: E2E_JWT_SECRET }),
    ...overrides,
  };
  const app = await createApp(config, { logs: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, app, close: () => app.close() };
}

export interface RunningProcess {
  url: string;
  process: ChildProcess;
  close(): Promise<void>;
}

/**
 * The built API (dist/apps/api/main.js, its worker scripts beside it) in a process of its own, as
 * production runs it: what it answers and how fast is then the server's alone, not shared with the
 * test's own work, and it can be killed.
 */
export async function startAppProcess(env: Record<string, string> = {}): Promise<RunningProcess> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', 'api', 'main.js')], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), PORT: String(port), JWT_SECRET: E2E_JWT_SECRET, DEMO_DATA: 'true', ...env },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const close = () => new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  return { url, process: child, close };
}
