import type { MultipartFile } from '@fastify/multipart';
import { CallHandler, createParamDecorator, ExecutionContext, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { badRequest } from './api-error';

/** An uploaded file as a route reads it (`@Uploaded()`). */
export interface UploadedFileContent {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

type UploadRequest = FastifyRequest & { upload?: UploadedFileContent };

/** The file an `Upload` interceptor read from the form, if any. */
export const Uploaded = createParamDecorator((_: unknown, context: ExecutionContext): UploadedFileContent | undefined => context.switchToHttp().getRequest<UploadRequest>().upload);

const MB = 1024 * 1024;

function tooLarge(maxBytes: number): PayloadTooLargeException {
  const size = `${Math.round(maxBytes / MB)} MB`;
  return new PayloadTooLargeException({ message: `文件超过 ${size}，请拆分后再上传`, errors: [{ field: 'file', message: `文件超过 ${size}` }] });
}

async function contentOf(part: MultipartFile, maxBytes: number): Promise<Buffer> {
  try {
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
}

/**
 * Reads a multipart form before the route: its one file (field `file`, at most `maxBytes`, 413
 * beyond) for `@Uploaded()` and its other fields as the body. A route that also takes a pasted
 * table as text sees that body unchanged.
 */
export function Upload(maxBytes: number): Type<NestInterceptor> {
  @Injectable()
  class UploadInterceptor implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const request = context.switchToHttp().getRequest<UploadRequest>();
      if (!request.isMultipart()) return next.handle();
      return from(this.read(request)).pipe(switchMap(() => next.handle()));
    }

    private async read(request: UploadRequest): Promise<void> {
      const fields: Record<string, string> = {};
      let file: UploadedFileContent | undefined;
      for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: MB, parts: 24 } })) {
        if (part.type === 'field') {
          if (typeof part.value === 'string') fields[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== 'file') throw badRequest(`不认识的上传项「${part.fieldname}」，请把文件放在 file 中上传`);
        file = { originalname: part.filename, mimetype: part.mimetype, buffer: await contentOf(part, maxBytes) };
      }
      request.upload = file;
      request.body = fields;
    }
  }
  return mixin(UploadInterceptor);
}
