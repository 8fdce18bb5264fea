import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a session token must carry: whose it is, which session, and when it ends. */
export interface SessionClaims {
  sub: string;
  sid: string;
  exp: number;
}

export function isSessionClaims(value: unknown): value is SessionClaims {
  const claims = value as Partial<SessionClaims> | null;
  return typeof claims?.sub === 'string' && UUID.test(claims.sub) && typeof claims.sid === 'string' && UUID.test(claims.sid) && typeof claims.exp === 'number';
}

/** The bearer header first (integrations), else the browser's httpOnly cookie. */
export function tokenOf(request: FastifyRequest): { token: string; fromCookie: boolean } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    return token ? { token, fromCookie: false } : null;
  }
  const cookie = (request as { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, fromCookie: true } : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write carried by the cookie must come from this site's own pages: its Origin (or, failing that,
 * its Referer) names this host or one of the configured origins. A bearer token is not sent by a
 * browser on its own, so it needs no such check.
 */
export function foreignWrite(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const source = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (!source) return true;
  if (allowedOrigins.includes(source)) return false;
  try {
    return new URL(source).host !== request.headers.host;
  } catch {
    return true;
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
