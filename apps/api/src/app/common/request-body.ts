import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiErrorBody } from '@pm/api-contract';
import type { NextFunction, Request, Response } from 'express';

export const JSON_LIMIT = '2mb';
/** Tables pasted from a spreadsheet, for the importer. */
export const TEXT_LIMIT = '20mb';
/** Deeper than any document of SPEC §12 (a sheet's rows are 3 levels down). */
export const MAX_DEPTH = 12;

const BODY_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: 400, message: '提交的内容不是有效的 JSON 对象，请检查格式' },
  'entity.too.large': { status: 413, message: `提交的内容过大（JSON 最大 ${JSON_LIMIT.toUpperCase()}，粘贴的表格最大 ${TEXT_LIMIT.toUpperCase()}）` },
  'encoding.unsupported': { status: 415, message: '不支持的内容编码，请以 UTF-8 提交' },
  'charset.unsupported': { status: 415, message: '不支持的字符集，请以 UTF-8 提交' },
  'request.aborted': { status: 400, message: '请求未完整送达，请重试' },
  'request.size.invalid': { status: 400, message: '请求长度与内容不符，请重试' },
};

function refuse(response: Response, status: number, message: string, field?: string): void {
  const body: ApiErrorBody = { message, errors: field ? [{ field, message }] : [] };
  response.status(status).json(body);
}

/** A body-parser failure in the SPEC §11 shape (it happens before Nest's filter sees the request). */
function bodyErrors(error: { type?: string; status?: number }, _request: Request, response: Response, next: NextFunction): void {
  const known = error?.type ? BODY_ERRORS[error.type] : undefined;
  if (known) return refuse(response, known.status, known.message);
  if (error?.status && error.status >= 400 && error.status < 500) return refuse(response, error.status, '请求格式有误');
  next(error);
}

/** The first problem of a parsed value: a NUL character (PostgreSQL cannot store it) or nesting past MAX_DEPTH. */
export function unsafeInput(value: unknown): { path: string; problem: 'nul' | 'depth' } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path, problem: 'nul' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return { path, problem: 'depth' };
    for (const [key, child] of Object.entries(v)) {
      if (key.includes('\u0000')) return { path, problem: 'nul' };
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}

/** A body no parser read (XML, a form) on a JSON route would reach the route as nothing at all; uploads are multipart and read by their route. */
function unreadBody(request: Request): boolean {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  return hasBody && request.body === undefined && !request.is('multipart/form-data');
}

function refuseUnsafe(request: Request, response: Response, next: NextFunction): void {
  if (unreadBody(request)) return refuse(response, 415, '请以 JSON 提交（Content-Type: application/json），上传文件请用表单上传');
  const found = unsafeInput(request.query) ?? unsafeInput(request.body);
  if (!found) return next();
  if (found.problem === 'depth') return refuse(response, 400, '提交的数据层级过深，请检查格式');
  refuse(response, 400, '填写的内容含有不可见的控制字符（NUL），请删除后重试', found.path || undefined);
}

/**
 * Security headers first, so every answer has them; then the parsers with their limits; then their
 * failures and unsafe values as 400/413/415 in Chinese — never Express's 404 page or a 500.
 */
export function installRequestParsing(app: INestApplication, securityHeaders: (req: Request, res: Response, next: NextFunction) => void): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(securityHeaders);
  express.useBodyParser('json', { limit: JSON_LIMIT, strict: true });
  express.useBodyParser('text', { type: ['text/tab-separated-values', 'text/plain'], limit: TEXT_LIMIT });
  express.use(bodyErrors);
  express.use(refuseUnsafe);
}
