import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, FieldError } from '@pm/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_MESSAGES } from './api-error';
import { httpErrorOfDatabase } from './database-errors';
import { httpErrorOfBody, SERVER_REFUSALS } from './request-body';

const CHINESE = /[\u4e00-\u9fff]/;

/** The body a clerk is shown for an exception: its Chinese message, or the status's own sentence. */
export function clerkBody(exception: unknown, status: number): ApiErrorBody {
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

/** Every error leaves the API as { message, errors } (SPEC §11). */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(thrown: unknown, host: ArgumentsHost): void {
    // a body the HTTP server could not read (bad JSON, another charset, a bad form) is the clerk's 4xx
    const refusedBody = thrown instanceof HttpException ? null : httpErrorOfBody(thrown);
    const exception = thrown instanceof HttpException ? thrown : refusedBody ? new HttpException({ message: refusedBody.message, errors: [] }, refusedBody.status) : (httpErrorOfDatabase(thrown) ?? thrown);
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
    else if (exception !== thrown && !refusedBody) {
      // a value PostgreSQL refused that no DTO caught: answered as the clerk's mistake, logged to be validated earlier
      this.logger.warn({ msg: 'database refused a value', requestId: request.id, path: request.originalUrl, error: thrown instanceof Error ? thrown.message : String(thrown) });
    }
    response.status(status).send(clerkBody(exception, status));
  }
}
