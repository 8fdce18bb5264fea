import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OpenSelfEvaluationRoundRequest, OverrideRequest, SaveSelfEvaluationRequest } from '@pm/api-contract';
import { GRADES, Grade, SHEET_STATUSES, SheetStatus } from '@pm/domain';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { FiscalYearField } from '../../common/fiscal-year.field';
import { PageQueryDto } from '../../common/page-query.dto';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class OpenSelfEvaluationRoundDto implements OpenSelfEvaluationRoundRequest {
  @FiscalYearField()
  fiscalYear!: number;

  @ApiProperty({ example: '2027-03-31', description: '填报截止日期' })
  @Matches(DATE, { message: '填报截止日期应为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '填报截止日期不是有效日期' })
  deadline!: string;
}

export class SelfEvaluationListQueryDto extends PageQueryDto {
  @FiscalYearField({ optional: true })
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: SHEET_STATUSES })
  @IsOptional()
  @IsIn(SHEET_STATUSES, { message: '状态应为 draft、submitted、department_approved、approved 之一' })
  status?: SheetStatus;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES, { message: '等级应为优、良、中、差之一' })
  grade?: Grade;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '项目编号格式有误' })
  projectId?: string;

  @ApiPropertyOptional({ description: 'true：只列有疑点的自评表' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean({ message: 'flagged 应为 true 或 false' })
  flagged?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: '主管部门（含其下属单位）' })
  @IsOptional()
  @IsUUID('all', { message: '主管部门编号格式有误' })
  departmentId?: string;

  @ApiPropertyOptional({ description: 'true：只列尚未填报的；false：只列已填报的' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean({ message: 'unfiled 应为 true 或 false' })
  unfiled?: boolean;
}

class BudgetInput {
  @ApiProperty({ example: '886686.50', nullable: true, description: '全年执行数（元）' })
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '全年执行数须为文字形式的金额，如 "886686.50"' })
  @MaxLength(30, { message: '全年执行数过长' })
  executed!: string | null;

  @ApiProperty({ example: '-63313.50', nullable: true, description: '预算调整数（元，调减为负）' })
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '调整数须为文字形式的金额，如 "-63313.50"' })
  @MaxLength(30, { message: '调整数过长' })
  adjustment!: string | null;
}

class EvaluationIndicatorInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '指标编号格式有误' })
  indicatorId!: string;

  @ApiPropertyOptional({ nullable: true, example: '85', description: '实际完成值：定量为数字，定性为完成情况的简述' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '实际完成值须为文字' })
  @MaxLength(500, { message: '实际完成值不能超过 500 字' })
  actual?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: ['达成年度指标', '部分达成年度指标并具有一定效果', '未达成年度指标且效果较差'] })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '评判等级须为文字' })
  @MaxLength(30, { message: '评判等级过长' })
  tier?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '9', description: '定性指标在所选等级范围内的得分' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '得分须为文字形式的数字，如 "9"' })
  @MaxLength(12, { message: '得分过长' })
  score?: string | null;

  @ApiPropertyOptional({ description: 'false：不适用，不计分' })
  @IsOptional()
  @IsBoolean({ message: '是否适用应为 true 或 false' })
  applicable?: boolean;

  @ApiPropertyOptional({ example: '两次调研因天气原因延期' })
  @IsOptional()
  @IsString({ message: '偏差原因分析及改进措施须为文字' })
  @MaxLength(2000, { message: '偏差原因分析及改进措施不能超过 2000 字' })
  deviationNote?: string;
}

export class SaveSelfEvaluationDto implements SaveSelfEvaluationRequest {
  @ApiProperty({ description: '读取时的版本号；尚未填报为 0' })
  @IsInt({ message: '请带上读取时的版本号' })
  @Min(0, { message: '版本号无效' })
  version!: number;

  @ApiProperty({ type: BudgetInput })
  @ValidateNested()
  @Type(() => BudgetInput)
  budget!: BudgetInput;

  @ApiPropertyOptional({ example: '全面完成年度调研及督查工作任务' })
  @IsOptional()
  @IsString({ message: '实际完成情况须为文字' })
  @MaxLength(5000, { message: '实际完成情况不能超过 5000 字' })
  goalActual?: string;

  @ApiProperty({ type: [EvaluationIndicatorInput] })
  @IsArray({ message: '指标须为列表' })
  @ArrayMaxSize(500, { message: '一张自评表最多 500 行指标' })
  @ValidateNested({ each: true })
  @Type(() => EvaluationIndicatorInput)
  indicators!: EvaluationIndicatorInput[];
}

export class OverrideDto implements OverrideRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '指标编号格式有误' })
  indicatorId!: string;

  @ApiProperty({ example: '15.00' })
  @IsString({ message: '得分须为文字形式的数字，如 "15.00"' })
  @MaxLength(12, { message: '得分过长' })
  score!: string;

  @ApiProperty({ example: '指标值设定明显偏低，超额完成不予满分' })
  @IsString({ message: '理由须为文字' })
  @MaxLength(2000, { message: '理由不能超过 2000 字' })
  reason!: string;
}

export class DismissFlagDto {
  @ApiProperty({ example: '经核对原始台账，实际完成值属实' })
  @IsString({ message: '理由须为文字' })
  @MaxLength(2000, { message: '理由不能超过 2000 字' })
  reason!: string;
}
