import { hash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** A weak tag of the body's bytes: equal bodies, equal tags (the body is the caller's own view). */
function tagOf(payload: string | Buffer): string {
  return `W/"${Buffer.byteLength(payload).toString(16)}-${hash('sha1', payload, 'base64url').slice(0, 27)}"`;
}

function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === tag || `W/${value}` === tag;
  });
}

/** Successful reads carry an ETag; a client that already holds that body gets a 304 without it. */
export function installEntityTags(server: FastifyInstance): void {
  server.addHook('onSend', (request, reply, payload, done) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      reply.statusCode !== 200 ||
      (typeof payload !== 'string' && !Buffer.isBuffer(payload))
    )
      return done(null, payload);
    const tag = tagOf(payload);
    reply.header('ETag', tag);
    if (!matches(request.headers['if-none-match'], tag)) return done(null, payload);
    reply.status(304);
    done(null, '');
  });
}
