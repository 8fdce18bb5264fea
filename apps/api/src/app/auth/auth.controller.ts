import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LoginResponse, MeResponse, SessionUser } from '@pm/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { CurrentUser, Public, SESSION_COOKIE } from './session';
import { foreignWrite, tokenOf } from './session-token';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录：返回令牌，并设置 httpOnly 会话 Cookie' })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<LoginResponse> {
    const result = await this.auth.login(body.username, body.password, { address: request.ip ?? 'unknown', userAgent: request.headers['user-agent'] ?? '' });
    response.setCookie(SESSION_COOKIE, result.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/api',
      maxAge: Math.floor(this.auth.sessionMaxAgeMs / 1000),
    });
    return result;
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(200)
  @ApiOperation({ summary: '退出登录：结束本次会话（其令牌随即失效），清除会话 Cookie' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<{ ok: true }> {
    const found = tokenOf(request);
    if (found?.fromCookie && foreignWrite(request, this.config.allowedOrigins)) throw new ForbiddenException('请求来自其他网站，已拒绝；请在本系统页面中操作');
    await this.auth.logout(found?.token ?? null);
    response.clearCookie(SESSION_COOKIE, { path: '/api' });
    return { ok: true };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户' })
  me(@CurrentUser() user: SessionUser): Promise<MeResponse> {
    return this.auth.me(user);
  }
}
