import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorBody } from '@pm/api-contract';

export const JSON_LIMIT_BYTES = 2 * 1024 * 1024;
/** Tables pasted from a spreadsheet, for the importer. */
export const TEXT_LIMIT_BYTES = 20 * 1024 * 1024;
/** Deeper than any document of SPEC §12 (a sheet's rows are 3 levels down). */
export const MAX_DEPTH = 12;

const TEXT_TYPES = ['text/plain', 'text/tab-separated-values'];

const TOO_LARGE = '提交的内容过大（JSON 最大 2MB，粘贴的表格最大 20MB）';
const NOT_JSON = '请以 JSON 提交（Content-Type: application/json），上传文件请用表单上传';

/**
 * The errors that reach the filter with their code, in the clerk's words: this file's own parser
 * refusals and the multipart reader's (thrown inside the upload routes).
 */
const BODY_ERRORS: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: '提交的内容不是有效的 JSON 对象，请检查格式' },
  FST_ERR_UNSUPPORTED_CHARSET: { status: 415, message: '不支持的字符集，请以 UTF-8 提交' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 400, message: '上传的表单格式有误，请重新选择文件上传' },
  FST_FILES_LIMIT: { status: 413, message: '一次只能上传一个文件' },
  FST_MP_PREMATURE_CLOSE: { status: 400, message: '请求未完整送达，请重试' },
  FST_PARTS_LIMIT: { status: 413, message: '上传的表单项过多' },
  FST_FIELDS_LIMIT: { status: 413, message: '上传的表单项过多' },
  FST_PROTO_VIOLATION: { status: 400, message: '提交的内容含有不允许的字段名' },
};

/**
 * What Fastify itself refuses before a route (a body over its limit, a type no parser reads, a
 * wrong length) reaches the filter as an HttpException of Fastify's English sentence and status
 * (Nest maps it so, dropping the code): said by status.
 */
export const SERVER_REFUSALS: Partial<Record<number, string>> = {
  400: '请求格式有误，请检查后重试',
  413: TOO_LARGE,
  415: NOT_JSON,
};

/** The 4xx an error of the HTTP server stands for, or null when it is not one of them. */
export function httpErrorOfBody(error: unknown): { status: number; message: string } | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && BODY_ERRORS[code]) return BODY_ERRORS[code];
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof code === 'string' && code.startsWith('FST_') && typeof status === 'number' && status >= 400 && status < 500) return { status, message: '请求格式有误' };
  return null;
}

class BodyError extends Error {
  constructor(readonly code: string, readonly statusCode: number) {
    super(code);
  }
}

/** A body in another charset than UTF-8 is refused, not read as garbage. */
function charsetError(request: FastifyRequest): BodyError | null {
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(request.headers['content-type'] ?? '')?.[2].toLowerCase();
  return charset && charset !== 'utf-8' && charset !== 'utf8' ? new BodyError('FST_ERR_UNSUPPORTED_CHARSET', 415) : null;
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

function refuse(reply: FastifyReply, status: number, message: string, field?: string): FastifyReply {
  const body: ApiErrorBody = { message, errors: field ? [{ field, message }] : [] };
  return reply.status(status).send(body);
}

/**
 * The body parsers with their limits: JSON (one object or list, UTF-8, 2 MB; an empty body reads as
 * nothing) and pasted tables as text (20 MB). Any other type is 415 by the server itself; multipart
 * is read by the upload routes. Then unsafe values in a body or query are refused as 400 in Chinese.
 */
export function installRequestParsing(server: FastifyInstance): void {
  const json = server.getDefaultJsonParser('error', 'error');
  server.removeContentTypeParser(['application/json', 'text/plain']);
  // before the body is read: bytes of another charset would only show as a wrong length
  server.addHook('preParsing', (request, _reply, payload, done) => done(charsetError(request), payload));
  server.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: JSON_LIMIT_BYTES }, (request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    // like a strict JSON parser: a top-level string or number is not a document
    if (!/^\s*[[{]/.test(text)) return done(new BodyError('FST_ERR_CTP_INVALID_JSON_BODY', 400), undefined);
    void json(request, text, (error: Error | null, value?: unknown) => done(error ? new BodyError('FST_ERR_CTP_INVALID_JSON_BODY', 400) : null, value));
  });
  server.addContentTypeParser(TEXT_TYPES, { parseAs: 'string', bodyLimit: TEXT_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  // a refusal answers at once; only a clean request goes on (done)
  server.addHook('preValidation', (request, reply, done) => {
    const found = unsafeInput(request.query) ?? unsafeInput(request.body);
    if (!found) return done();
    if (found.problem === 'depth') return void refuse(reply, 400, '提交的数据层级过深，请检查格式');
    refuse(reply, 400, '填写的内容含有不可见的控制字符（NUL），请删除后重试', found.path || undefined);
  });
}
