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

/** Verifying a made-up hash keeps the time of "no such user" equal to "wrong password". */
const DUMMY_HASH = argon2.hash('timing-equaliser-not-a-password');

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttemptsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, address: string): Promise<LoginResponse> {
    this.attempts.assertAllowed(username, address);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
    const valid = user
      ? await argon2.verify(user.passwordHash, password)
      : await argon2.verify(await DUMMY_HASH, password).then(() => false);
    if (!user || !valid || user.disabled) {
      this.attempts.recordFailure(username, address);
      throw new UnauthorizedException(user?.disabled && valid ? '该账号已停用，请联系管理员' : '用户名或密码错误');
    }
    this.attempts.recordSuccess(username);
    await this.users.update(user.id, { lastLoginAt: new Date() });
    const sessionUser: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
    };
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, org: user.organizationId });
    return { accessToken, user: sessionUser };
  }

  async me(user: SessionUser): Promise<MeResponse> {
    const organization = await this.organizations.findOneByOrFail({ id: user.organizationId });
    return { ...user, organizationName: organization.name, permissions: [...permissionsOf(user.role)] };
  }

  get sessionMaxAgeMs(): number {
    return this.config.sessionHours * 3_600_000;
  }
}
