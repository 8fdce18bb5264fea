import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { LoginResponse, MeResponse, SessionUser } from '@pm/api-contract';
import { permissionsOf } from '@pm/domain';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { LoginAttemptsService } from './login-attempts.service';
import { isSessionClaims } from './session-token';
import { SessionsService } from './sessions/sessions.service';

/** Verifying a made-up hash keeps the time of "no such user" equal to "wrong password". */
const DUMMY_HASH = argon2.hash('timing-equaliser-not-a-password');

/** Where a sign-in came from, kept with its session. */
export interface SignInSource {
  address: string;
  userAgent: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttemptsService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, source: SignInSource): Promise<LoginResponse> {
    await this.attempts.admit(username, source.address);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
    const valid = user
      ? await argon2.verify(user.passwordHash, password)
      : await argon2.verify(await DUMMY_HASH, password).then(() => false);
    if (!user || !valid || user.disabled) {
      await this.attempts.recordFailure(username, source.address);
      throw new UnauthorizedException(user?.disabled && valid ? '该账号已停用，请联系管理员' : '用户名或密码错误');
    }
    await this.attempts.recordSuccess(username, source.address);
    await this.users.update(user.id, { lastLoginAt: new Date() });
    const sessionId = await this.sessions.open(user.id, this.config.sessionHours, source.address, source.userAgent);
    const sessionUser: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
    };
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: sessionId, role: user.role, org: user.organizationId });
    return { accessToken, user: sessionUser };
  }

  /** Ends the token's session; a token already expired or forged ends nothing and is no error. */
  async logout(token: string | null): Promise<void> {
    if (!token) return;
    const claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'], ignoreExpiration: true }).catch(() => null);
    if (isSessionClaims(claims)) await this.sessions.revoke(claims.sid);
  }

  async me(user: SessionUser): Promise<MeResponse> {
    const organization = await this.organizations.findOneByOrFail({ id: user.organizationId });
    return { ...user, organizationName: organization.name, permissions: [...permissionsOf(user.role)] };
  }

  get sessionMaxAgeMs(): number {
    return this.config.sessionHours * 3_600_000;
  }
}
