import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { ApiErrorBody } from '@pm/api-contract';
import { catchError, throwError } from 'rxjs';
import { PATHS } from '../paths';
import { SessionService } from './session.service';

/** A lost session (401) sends the user back to the login page. */
export const apiErrorsInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const session = inject(SessionService);
  return next(request).pipe(
    catchError((error: unknown) => {
      const quiet = request.url.endsWith('/api/me') || request.url.endsWith('/api/auth/login');
      if (error instanceof HttpErrorResponse && error.status === 401 && !quiet) {
        session.forget();
        void router.navigate([PATHS.login], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};

/** The clerk-readable message of an API error (SPEC §11 body), or a general one. */
export function messageOf(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    if (body && typeof body.message === 'string') return body.message;
    if (error.status === 0) return '无法连接服务器，请检查网络';
  }
  return '操作失败，请稍后再试';
}
