import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { tap } from 'rxjs';

/** Counts the changes made through the API, so the 待办 and its badge load again after each one. */
@Injectable({ providedIn: 'root' })
export class InboxRefresh {
  readonly changes = signal(0);

  changed(): void {
    this.changes.update((n) => n + 1);
  }
}

/** Any successful write to the API (save, submit, approve, import, …) may change what waits for the user. */
export const inboxRefreshInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.url.startsWith('/api/')) return next(request);
  const refresh = inject(InboxRefresh);
  return next(request).pipe(tap((event) => event instanceof HttpResponse && refresh.changed()));
};
