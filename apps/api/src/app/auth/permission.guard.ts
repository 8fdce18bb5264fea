import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Action, hasPermission } from '@pm/domain';
import { AuthenticatedRequest, REQUIRED_PERMISSION } from './session';

/** Checks @RequirePermission against the one permission map shared with the UI. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const action = this.reflector.getAllAndOverride<Action | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!action) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (user && hasPermission(user.role, action)) return true;
    throw new ForbiddenException('您没有执行此操作的权限');
  }
}
