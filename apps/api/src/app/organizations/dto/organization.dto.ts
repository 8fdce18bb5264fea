import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateOrganizationRequest, UpdateOrganizationRequest } from '@pm/api-contract';
import { ORGANIZATION_KINDS, OrganizationKind } from '@pm/domain';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Something besides spaces: the name is stored trimmed. */
const WRITTEN = /\S/;

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ example: '曲靖市信访局（本级）' })
  @IsString({ message: '请填写单位名称' })
  @Matches(WRITTEN, { message: '请填写单位名称' })
  @MaxLength(100, { message: '单位名称不能超过 100 字' })
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { message: '单位类型须为财政部门、主管部门或预算单位' })
  kind!: OrganizationKind;

  @ApiProperty({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: '上级单位无效' })
  parentId!: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: '单位编码须为文字' })
  @MaxLength(40, { message: '单位编码不能超过 40 位' })
  code?: string | null;
}

export class UpdateOrganizationDto implements UpdateOrganizationRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '请填写单位名称' })
  @Matches(WRITTEN, { message: '请填写单位名称' })
  @MaxLength(100, { message: '单位名称不能超过 100 字' })
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: '单位编码须为文字' })
  @MaxLength(40, { message: '单位编码不能超过 40 位' })
  code?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: '新的上级单位（移动）' })
  @IsOptional()
  @IsUUID('all', { message: '上级单位无效' })
  parentId?: string | null;
}
