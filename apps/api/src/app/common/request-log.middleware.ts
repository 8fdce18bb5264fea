import { randomUUID } from 'node:crypto';
import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = /^[\w-]{8,64}$/;

/** Gives each request an id (kept from X-Request-Id when sane) and logs it as one JSON line. */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  use(request: Request & { id?: string; user?: { id: string } }, response: Response, next: NextFunction): void {
    const incoming = request.header('x-request-id');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    request.id = id;
    response.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      if (!request.originalUrl.startsWith('/api')) return;
      this.logger.log({
        msg: 'request',
        requestId: id,
        method: request.method,
        path: request.originalUrl.split('?')[0],
        status: response.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: request.user?.id,
      });
    });
    next();
  }
}
