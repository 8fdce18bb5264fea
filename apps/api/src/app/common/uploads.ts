import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';

/** An upload over the limit answers 413 (SPEC §11) with a sentence that says how big it may be. */
@Injectable()
export class UploadLimit implements NestInterceptor {
  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error) => throwError(() => (error instanceof PayloadTooLargeException ? new PayloadTooLargeException({ message: '文件超过 20 MB，请拆分后再上传', errors: [{ field: 'file', message: '文件超过 20 MB' }] }) : error))));
  }
}

/** Browsers send UTF-8 file names that the multipart parser reads as Latin-1. */
export function utf8Name(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
