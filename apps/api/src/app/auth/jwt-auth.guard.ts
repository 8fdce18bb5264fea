import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthenticatedRequest, IS_PUBLIC } from './session';
import { foreignWrite, isSessionClaims, SessionClaims, tokenOf } from './session-token';
import { SessionsService } from './sessions/sessions.service';
import { VerifiedTokens } from './verified-tokens';

/**
 * Every route needs a signed-in user unless marked @Public(). The token (bearer header or the
 * session cookie) must be signed, unexpired and name an open session; the user is read fresh with
 * it, so logout, a password reset, a disabled account or a changed role take effect at once.
 * Cookie-carried writes must come from this site (Origin/Referer).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const found = tokenOf(request);
    if (!found) throw new UnauthorizedException('请先登录');
    if (found.fromCookie && foreignWrite(request, this.config.allowedOrigins)) throw new ForbiddenException('请求来自其他网站，已拒绝；请在本系统页面中操作');
    const claims = this.verified.get(found.token) ?? (await this.verify(found.token));
    const user = await this.sessions.userOf(claims.sid, claims.sub);
    if (!user) throw new UnauthorizedException('登录已失效（已退出、密码已重置或账号已停用），请重新登录');
    request.user = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organizationId: user.organizationId };
    request.sessionId = claims.sid;
    return true;
  }

  private async verify(token: string): Promise<SessionClaims> {
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('登录已过期，请重新登录');
    }
    if (!isSessionClaims(claims)) throw new UnauthorizedException('登录已过期，请重新登录');
    this.verified.remember(token, claims);
    return claims;
  }
}
