import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

/** Typed configuration, read once from the environment and checked at boot. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  sessionHours: number;
  cookieSecure: boolean;
  demoData: boolean;
  adminPassword: string | null;
  webDist: string | null;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Origins besides the API's own host whose pages may write with the session cookie (a reverse proxy's public address). */
  allowedOrigins: string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['false', '0', 'no', 'off'].includes(value.toLowerCase());
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');
  let jwtSecret = env['JWT_SECRET'] ?? '';
  if (jwtSecret.length < 32) {
    if (env['NODE_ENV'] === 'production' && jwtSecret) throw new Error('JWT_SECRET must be at least 32 characters');
    new Logger('Config').warn('JWT_SECRET not set: using a random one, sessions end when the server restarts');
    jwtSecret = randomBytes(48).toString('base64url');
  }
  return {
    port: positiveInt('PORT', env['PORT'], 3000),
    databaseUrl,
    jwtSecret,
    sessionHours: positiveInt('SESSION_HOURS', env['SESSION_HOURS'], 8),
    cookieSecure: flag(env['COOKIE_SECURE'], false),
    demoData: flag(env['DEMO_DATA'], true),
    adminPassword: env['ADMIN_PASSWORD'] || null,
    webDist: env['WEB_DIST'] ? resolve(env['WEB_DIST']) : null,
    loginMaxFailures: positiveInt('LOGIN_MAX_FAILURES', env['LOGIN_MAX_FAILURES'], 5),
    loginLockMinutes: positiveInt('LOGIN_LOCK_MINUTES', env['LOGIN_LOCK_MINUTES'], 15),
    allowedOrigins: (env['ALLOWED_ORIGINS'] ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  };
}
