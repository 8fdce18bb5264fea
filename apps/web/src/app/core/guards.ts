import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Action } from '@pm/domain';
import { PATHS } from '../paths';
import { SessionService } from './session.service';

export const signedIn: CanActivateFn = async (_, state) => {
  const session = inject(SessionService);
  const router = inject(Router);
  if (await session.ensureLoaded()) return true;
  return router.createUrlTree([PATHS.login], { queryParams: { returnUrl: state.url } });
};

export const allowed =
  (action: Action): CanActivateFn =>
  async () => {
    // inject() works only before the first await.
    const session = inject(SessionService);
    const router = inject(Router);
    await session.ensureLoaded();
    return session.can(action) ? true : router.createUrlTree([PATHS.forbidden]);
  };
