import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Action, hasAnyPermission } from '@pm/domain';
import { AuthenticatedRequest, REQUIRED_PERMISSION } from './session';

/** Checks @RequirePermission against the one permission map shared with the UI. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const actions = this.reflector.getAllAndOverride<Action[] | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!actions) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (user && hasAnyPermission(user.role, actions)) return true;
    throw new ForbiddenException('您没有执行此操作的权限');
  }
}
