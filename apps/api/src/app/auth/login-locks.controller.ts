import { Controller, Delete, Get, HttpCode, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LoginLockDto, SessionUser } from '@pm/api-contract';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import { CurrentUser, RequirePermission } from './session';
import { LoginAttemptsService } from './login-attempts.service';

@ApiTags('auth')
@Controller('login-locks')
export class LoginLocksController {
  constructor(
    private readonly attempts: LoginAttemptsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @RequirePermission('users.manage')
  @ApiOperation({ summary: '当前被锁定的登录（某账号在某地址，或某地址），最多 500 条' })
  list(): Promise<LoginLockDto[]> {
    return this.attempts.locks();
  }

  @Delete(':key')
  @HttpCode(200)
  @RequirePermission('users.manage')
  @ApiOperation({ summary: '解除一个登录锁定（记入变更记录）' })
  async clear(@CurrentUser() user: SessionUser, @Param('key') key: string): Promise<{ ok: true }> {
    if (!(await this.attempts.clear(key))) throw new NotFoundException('该锁定已解除或已过期');
    await this.audit.record(this.dataSource.manager, user, [{ entity: 'login_lock', entityId: user.id, organizationId: user.organizationId, action: 'clear', field: key }]);
    return { ok: true };
  }
}
