import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, SessionUser, UserDto } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@RequirePermission('users.manage')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: '用户列表（管理员）：分页，可按用户名、姓名或单位搜索，按角色、单位筛选' })
  list(@Query() query: UserListQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({ summary: '新增用户（管理员）' })
  create(@Body() body: CreateUserDto, @CurrentUser() actor: SessionUser): Promise<UserDto> {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改用户：姓名、角色、单位、停用（管理员）' })
  update(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<UserDto> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用用户：不能再登录，已登录的会话立即失效（管理员；不能停用自己或最后一个管理员，409）' })
  disable(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string, @CurrentUser() actor: SessionUser): Promise<UserDto> {
    return this.users.update(id, { disabled: true }, actor);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '重新启用用户（管理员）' })
  enable(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string, @CurrentUser() actor: SessionUser): Promise<UserDto> {
    return this.users.update(id, { disabled: false }, actor);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码（管理员）' })
  async resetPassword(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() body: ResetPasswordDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<{ ok: true }> {
    await this.users.resetPassword(id, body.password, actor);
    return { ok: true };
  }
}
