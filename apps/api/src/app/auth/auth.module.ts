import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LoginAttemptsService } from './login-attempts.service';
import { LoginLocksController } from './login-locks.controller';
import { PermissionGuard } from './permission.guard';
import { SessionsService } from './sessions/sessions.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Organization]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // a KeyObject made once: given the text, jsonwebtoken tries it as a public key and then builds a secret key on every verify (an eighth of a read's CPU)
        secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
        signOptions: { expiresIn: `${config.sessionHours}h` },
      }),
    }),
  ],
  controllers: [AuthController, LoginLocksController],
  providers: [
    AuthService,
    LoginAttemptsService,
    SessionsService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [SessionsService],
})
export class AuthModule {}
