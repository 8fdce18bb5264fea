import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, FieldError } from '@pm/api-contract';
import type { Request, Response } from 'express';
import { DEFAULT_MESSAGES } from './api-error';

/** Every error leaves the API as { message, errors } (SPEC §11). */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) {
      this.logger.error({
        msg: 'unhandled error',
        requestId: request.id,
        path: request.originalUrl,
        error: exception instanceof Error ? exception.stack : String(exception),
      });
    }
    response.status(status).json(this.body(exception, status));
  }

  private body(exception: unknown, status: number): ApiErrorBody {
    const fallback = DEFAULT_MESSAGES[status] ?? '请求失败';
    if (!(exception instanceof HttpException) || status >= 500) return { message: fallback, errors: [] };
    const raw = exception.getResponse();
    if (typeof raw === 'string') return { message: raw, errors: [] };
    const shaped = raw as { message?: unknown; errors?: FieldError[]; preview?: unknown };
    // Nest's own exceptions carry English text (e.g. "Cannot GET /x"); show the clerk Chinese.
    const message = typeof shaped.message === 'string' && /[\u4e00-\u9fff]/.test(shaped.message) ? shaped.message : fallback;
    const body: ApiErrorBody = { message, errors: Array.isArray(shaped.errors) ? shaped.errors : [] };
    // a refused import still shows what it read, so the clerk can fix every row at once
    return shaped.preview ? { ...body, preview: shaped.preview } : body;
  }
}
