import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SaveDepartmentSelfEvaluationRequest } from '@pm/api-contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { FiscalYearField } from '../../common/fiscal-year.field';
import { PageQueryDto } from '../../common/page-query.dto';

/** Amounts arrive as text and are checked by the domain (row- and field-tied, in the clerk's words). */
class BudgetLineDto {
  @ApiProperty({ example: '27151627.29' }) @IsString({ message: '年初预算数应为金额' }) @MaxLength(30) initial!: string;
  @ApiProperty({ example: '1775205.94', description: '调增为正，调减为负' }) @IsString({ message: '预算调整数应为金额' }) @MaxLength(30) adjustment!: string;
  @ApiProperty({ example: '28926833.23', description: '未填时为空' }) @IsString({ message: '执行数应为金额' }) @MaxLength(30) executed!: string;
}

class DepartmentBudgetLinesDto {
  @ApiProperty({ type: BudgetLineDto }) @ValidateNested() @Type(() => BudgetLineDto) basic!: BudgetLineDto;
  @ApiProperty({ type: BudgetLineDto }) @ValidateNested() @Type(() => BudgetLineDto) project!: BudgetLineDto;
}

class DutyResultDto {
  @ApiProperty() @IsString() @MaxLength(2000, { message: '年度目标不能超过 2000 字' }) duty!: string;
  @ApiProperty() @IsString() @MaxLength(2000, { message: '完成情况不能超过 2000 字' }) result!: string;
}

class IndicatorResultDto {
  @ApiProperty({ format: 'uuid' }) @IsString() @MaxLength(40) id!: string;
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @MaxLength(200, { message: '实际完成值不能超过 200 字' }) actual!: string | null;
  @ApiProperty() @IsString() @MaxLength(2000, { message: '偏差原因分析不能超过 2000 字' }) deviationNote!: string;
}

export class SaveDepartmentSelfEvaluationDto implements SaveDepartmentSelfEvaluationRequest {
  @ApiProperty({ description: '读取时的版本号；新表为 0' }) @IsInt({ message: '请带上读取时的版本号' }) @Min(0) version!: number;
  @ApiProperty({ type: DepartmentBudgetLinesDto }) @ValidateNested() @Type(() => DepartmentBudgetLinesDto) budget!: DepartmentBudgetLinesDto;
  @ApiProperty({ type: [DutyResultDto] }) @IsArray() @ArrayMaxSize(50, { message: '部门年度目标最多 50 条' }) @ValidateNested({ each: true }) @Type(() => DutyResultDto) duties!: DutyResultDto[];
  @ApiProperty({ type: [IndicatorResultDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => IndicatorResultDto) indicators!: IndicatorResultDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000, { message: '其他需说明事项不能超过 4000 字' }) notes?: string;
}

export class DepartmentSelfEvaluationListQueryDto extends PageQueryDto {
  @FiscalYearField() fiscalYear!: number;
}

