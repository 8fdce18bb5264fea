import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const REQUEST_ID = /^[\w-]{8,64}$/;

/** Each request's id: the caller's X-Request-Id when sane (a proxy's), else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Answers carry their request's id; every API request is logged as one JSON line when answered. */
export function installRequestLog(server: FastifyInstance): void {
  const logger = new Logger('HTTP');
  server.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  server.addHook('onResponse', (request, reply, done) => {
    if (request.url.startsWith('/api')) logRequest(logger, request, reply);
    done();
  });
}

function logRequest(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
  logger.log({
    msg: 'request',
    requestId: request.id,
    method: request.method,
    path: request.url.split('?')[0],
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 1000) / 1000,
    userId: (request as { user?: { id: string } }).user?.id,
  });
}
