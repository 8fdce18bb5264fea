import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../users/user.entity';
import { AuthenticatedRequest, IS_PUBLIC, SESSION_COOKIE } from './session';

interface TokenClaims {
  sub: string;
}

/**
 * Every route needs a signed-in user unless marked @Public(). The token comes from the
 * Authorization bearer header or the session cookie; the user is read fresh from the
 * database so a disabled account or a changed role takes effect at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = this.tokenOf(request);
    if (!token) throw new UnauthorizedException('请先登录');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('登录已过期，请重新登录');
    }
    const user = await this.users.findOneBy({ id: claims.sub });
    if (!user || user.disabled) throw new UnauthorizedException('账号不存在或已停用');
    request.user = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
    };
    return true;
  }

  private tokenOf(request: AuthenticatedRequest): string | null {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
    const cookies = (request as { cookies?: Record<string, string> }).cookies;
    return cookies?.[SESSION_COOKIE] ?? null;
  }
}
