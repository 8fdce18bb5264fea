import { INestApplication } from '@nestjs/common';
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
