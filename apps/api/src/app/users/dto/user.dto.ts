import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { CreateUserRequest, ResetPasswordRequest, UpdateUserRequest, UserListQuery } from '@pm/api-contract';
import { Role, ROLES } from '@pm/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

const USERNAME = /^[A-Za-z0-9._-]{3,60}$/;
/** Something besides spaces: the name is stored trimmed. */
const WRITTEN = /\S/;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'xfj.lead2' })
  @IsString({ message: '请填写用户名' })
  @Matches(USERNAME, { message: '用户名为 3–60 位字母、数字、点、下划线或短横线' })
  username!: string;

  @ApiProperty({ example: 'Change@2026' })
  @IsString({ message: '请填写密码' })
  password!: string;

  @ApiProperty({ example: '张三' })
  @IsString({ message: '请填写姓名' })
  @Matches(WRITTEN, { message: '请填写姓名' })
  @MaxLength(60, { message: '姓名不能超过 60 字' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: '角色无效' })
  role!: Role;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择所属单位' })
  organizationId!: string;
}

/** What an admin may change of an account: the creation's own rules, each field optional, and 停用. */
export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['displayName', 'role', 'organizationId'] as const)) implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '停用标志须为是或否' })
  disabled?: boolean;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty()
  @IsString({ message: '请填写新密码' })
  password!: string;
}

/** `GET /api/users`: a page of accounts, searched by 用户名, 姓名 or 单位, filtered by 角色 and 单位. */
export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: '按用户名、姓名或所属单位搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: '搜索词过长' })
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: '角色无效' })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '所选单位无效' })
  organizationId?: string;
}
