import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { SessionUser } from '@pm/api-contract';
import { Action } from '@pm/domain';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'pm_session';

export type AuthenticatedRequest = FastifyRequest & { user?: SessionUser; sessionId?: string };

export const IS_PUBLIC = 'isPublic';
/** The route answers without a signed-in user (said in the OpenAPI document as `x-public`). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

export const REQUIRED_PERMISSION = 'requiredPermission';
/**
 * The route needs one of these permissions of the shared map (libs/domain permissions); the
 * OpenAPI document lists them as `x-permissions`, which the route × role test reads.
 */
export const RequirePermission = (...actions: [Action, ...Action[]]) => applyDecorators(SetMetadata(REQUIRED_PERMISSION, actions), ApiExtension('x-permissions', actions));

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
