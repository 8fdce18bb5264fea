import { FiscalYearField } from '../../common/fiscal-year.field';
import { PageQueryDto } from '../../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateProjectRequest, Funds, MidTermPlan, ProjectListQuery } from '@pm/api-contract';
import { PROJECT_LEVELS, PROJECT_NAME_MAX, ProjectLevel, SHEET_STATUSES, SheetStatus } from '@pm/domain';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const moneyMessage = (label: string) => `${label}须为不小于 0 的金额（元），最多两位小数`;

export class FundsDto implements Funds {
  @ApiProperty({ example: '90000.00' })
  @Matches(MONEY, { message: moneyMessage('年度预算总额') })
  total!: string;

  @ApiProperty({ example: '90000.00' })
  @Matches(MONEY, { message: moneyMessage('当年财政拨款') })
  currentYearAppropriation!: string;

  @ApiProperty({ example: '0.00' })
  @Matches(MONEY, { message: moneyMessage('上年结转资金') })
  carryOver!: string;

  @ApiProperty({ example: '0.00' })
  @Matches(MONEY, { message: moneyMessage('其他资金') })
  other!: string;
}

export class MidTermDto implements Partial<MidTermPlan> {
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(MONEY, { message: moneyMessage('中期规划第一年') })
  year1?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(MONEY, { message: moneyMessage('中期规划第二年') })
  year2?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(MONEY, { message: moneyMessage('中期规划第三年') })
  year3?: string | null;
}

export class CreateProjectDto implements CreateProjectRequest {
  @FiscalYearField()
  fiscalYear!: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择预算单位' })
  unitId!: string;

  @ApiPropertyOptional({ nullable: true, example: '530300251100004244372' })
  @IsOptional()
  @IsString({ message: '项目编码须为文字' })
  @MaxLength(40, { message: '项目编码不能超过 40 位' })
  code?: string | null;

  @ApiProperty({ example: '办公用房租赁专项经费' })
  @IsString({ message: '请填写项目名称' })
  @IsNotEmpty({ message: '请填写项目名称' })
  @MaxLength(PROJECT_NAME_MAX, { message: `项目名称不能超过 ${PROJECT_NAME_MAX} 字` })
  name!: string;

  @ApiPropertyOptional({ nullable: true, example: '311 专项业务类' })
  @IsOptional()
  @IsString({ message: '项目分类须为文字' })
  @MaxLength(50, { message: '项目分类不能超过 50 字' })
  category?: string | null;

  @ApiPropertyOptional({ enum: PROJECT_LEVELS })
  @IsOptional()
  @IsIn(PROJECT_LEVELS, { message: '项目级次须为本级或对下' })
  level?: ProjectLevel;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: '项目负责人须为文字' })
  @MaxLength(60, { message: '项目负责人不能超过 60 字' })
  leadName?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '年度绩效目标须为文字' })
  @MaxLength(5000, { message: '年度绩效目标不能超过 5000 字' })
  overallGoal?: string;

  @ApiProperty({ type: FundsDto })
  @ValidateNested()
  @Type(() => FundsDto)
  funds!: FundsDto;

  @ApiPropertyOptional({ type: MidTermDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MidTermDto)
  midTerm?: MidTermDto;
}

export class ProjectListQueryDto extends PageQueryDto implements ProjectListQuery {
  @FiscalYearField({ optional: true })
  fiscalYear?: number;

  @ApiPropertyOptional({ description: '按项目名称或编码搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '搜索词过长' })
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '单位无效' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '主管部门：其下各单位的项目' })
  @IsOptional()
  @IsUUID('all', { message: '主管部门无效' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: SHEET_STATUSES, description: '绩效目标表状态；未填报的按草稿' })
  @IsOptional()
  @IsIn(SHEET_STATUSES, { message: '状态应为 draft、submitted、department_approved、approved 之一' })
  status?: SheetStatus;

}
