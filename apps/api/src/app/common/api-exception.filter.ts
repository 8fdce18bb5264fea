import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, FieldError } from '@pm/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_MESSAGES } from './api-error';
import { httpErrorOfDatabase } from './database-errors';
import { httpErrorOfBody, SERVER_REFUSALS } from './request-body';

const CHINESE = /[\u4e00-\u9fff]/;

/** A body the HTTP server could not read (bad JSON, too large, another type) as the clerk's 4xx. */
function bodyException(thrown: unknown): HttpException | null {
  const known = httpErrorOfBody(thrown);
  return known ? new HttpException({ message: known.message, errors: [] }, known.status) : null;
}

/** Every error leaves the API as { message, errors } (SPEC §11). */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = thrown instanceof HttpException ? thrown : (bodyException(thrown) ?? httpErrorOfDatabase(thrown) ?? thrown);
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) {
      this.logger.error({
        msg: exception === thrown ? 'unhandled error' : 'database unavailable',
        requestId: request.id,
        path: request.originalUrl,
        error: thrown instanceof Error ? thrown.stack : String(thrown),
      });
    }
    else if (exception !== thrown && !httpErrorOfBody(thrown)) {
      // a value PostgreSQL refused that no DTO caught: answered as the clerk's mistake, logged to be validated earlier
      this.logger.warn({ msg: 'database refused a value', requestId: request.id, path: request.originalUrl, error: thrown instanceof Error ? thrown.message : String(thrown) });
    }
    response.status(status).send(this.body(exception, status));
  }

  private body(exception: unknown, status: number): ApiErrorBody {
    const fallback = DEFAULT_MESSAGES[status] ?? '请求失败';
    if (!(exception instanceof HttpException) || status > 503 || status === 500) return { message: fallback, errors: [] };
    const raw = exception.getResponse();
    if (typeof raw === 'string') return { message: CHINESE.test(raw) ? raw : (SERVER_REFUSALS[status] ?? fallback), errors: [] };
    const shaped = raw as { message?: unknown; errors?: FieldError[]; preview?: unknown };
    // Nest's own exceptions carry English text (e.g. "Cannot GET /x"); show the clerk Chinese.
    const message = typeof shaped.message === 'string' && CHINESE.test(shaped.message) ? shaped.message : fallback;
    const body: ApiErrorBody = { message, errors: Array.isArray(shaped.errors) ? shaped.errors : [] };
    // a refused import still shows what it read, so the clerk can fix every row at once
    return shaped.preview ? { ...body, preview: shaped.preview } : body;
  }
}
