import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { SessionUser } from '@pm/api-contract';
import { Action } from '@pm/domain';
import type { Request } from 'express';

export const SESSION_COOKIE = 'pm_session';

export type AuthenticatedRequest = Request & { id?: string; user?: SessionUser; sessionId?: string };

export const IS_PUBLIC = 'isPublic';
/** The route answers without a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_PERMISSION = 'requiredPermission';
/** The route needs one of these permissions of the shared map (libs/domain permissions). */
export const RequirePermission = (...actions: [Action, ...Action[]]) => SetMetadata(REQUIRED_PERMISSION, actions);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
