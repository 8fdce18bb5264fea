import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BudgetCutRequest, OpenMonitoringRoundRequest, RoundStatusRequest, SaveMonitoringReportRequest } from '@pm/api-contract';
import { COLOURS, Colour, SHEET_STATUSES, SheetStatus } from '@pm/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { FiscalYearField } from '../../common/fiscal-year.field';
import { PageQueryDto } from '../../common/page-query.dto';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class OpenMonitoringRoundDto implements OpenMonitoringRoundRequest {
  @FiscalYearField()
  fiscalYear!: number;

  @ApiProperty({ example: '2026-07-31', description: '截至日期，月份即时间进度 m/12 的 m' })
  @Matches(DATE, { message: '截至日期应为 YYYY-MM-DD，如 2026-07-31' })
  @IsISO8601({ strict: true }, { message: '截至日期不是有效日期' })
  cutoffDate!: string;

  @ApiProperty({ example: '2026-08-10', description: '填报截止日期' })
  @Matches(DATE, { message: '填报截止日期应为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '填报截止日期不是有效日期' })
  deadline!: string;

  @ApiPropertyOptional({ type: [String], description: '只监控这些主管部门下的单位；不填为全部' })
  @IsOptional()
  @IsArray({ message: '主管部门须为列表' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: '主管部门编号格式有误' })
  departmentIds?: string[];
}

export class RoundStatusDto implements RoundStatusRequest {
  @ApiPropertyOptional({ example: '部分单位因系统故障未按期填报' })
  @IsOptional()
  @IsString({ message: '原因须为文字' })
  @MaxLength(500, { message: '原因不能超过 500 字' })
  reason!: string;
}

export class RoundListQueryDto extends PageQueryDto {
  @FiscalYearField({ optional: true })
  fiscalYear?: number;
}

export class RoundReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...COLOURS, 'pending'] })
  @IsOptional()
  @IsIn([...COLOURS, 'pending'], { message: '预警颜色应为 blue、green、yellow、red 或 pending' })
  colour?: Colour | 'pending';

  @ApiPropertyOptional({ enum: SHEET_STATUSES })
  @IsOptional()
  @IsIn(SHEET_STATUSES, { message: '状态应为 draft、submitted、department_approved、approved 之一' })
  status?: SheetStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '项目编号格式有误' })
  projectId?: string;
}

export class TrendQueryDto extends RoundListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '项目编号格式有误' })
  projectId?: string;
}

class BudgetInput {
  @ApiProperty({ example: '350000.00', nullable: true, description: '1-m月执行数（元）' })
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '执行数须为文字形式的金额，如 "350000.00"' })
  @MaxLength(30, { message: '执行数过长' })
  executed!: string | null;

  @ApiProperty({ example: '1000000.00', nullable: true, description: '全年预计执行数（元）' })
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '全年预计执行数须为文字形式的金额' })
  @MaxLength(30, { message: '全年预计执行数过长' })
  forecast!: string | null;
}

class ReportIndicatorInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '指标编号格式有误' })
  indicatorId!: string;

  @ApiPropertyOptional({ nullable: true, example: '5', description: '截至当前完成值：定量为数字，定性为“达成目标 / 部分达成目标并具有一定效果 / 未达成目标且效果较差”' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '截至当前完成值须为文字' })
  @MaxLength(200, { message: '截至当前完成值不能超过 200 字' })
  current?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '12' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '全年预计完成值须为文字' })
  @MaxLength(200, { message: '全年预计完成值不能超过 200 字' })
  forecast?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: ['确定能', '有可能', '完全不可能'] })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '完成目标可能性须为文字' })
  @MaxLength(10, { message: '完成目标可能性应为“确定能”“有可能”“完全不可能”之一' })
  likelihood?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['经费保障'] })
  @IsOptional()
  @IsArray({ message: '偏差原因须为列表' })
  @ArrayMaxSize(10, { message: '偏差原因最多 10 项' })
  @IsString({ each: true, message: '偏差原因须为文字' })
  @MaxLength(30, { each: true, message: '偏差原因不能超过 30 字' })
  reasons?: string[];

  @ApiPropertyOptional({ example: '资金下达较晚' })
  @IsOptional()
  @IsString({ message: '偏差原因说明须为文字' })
  @MaxLength(2000, { message: '偏差原因说明不能超过 2000 字' })
  reasonNote?: string;

  @ApiPropertyOptional({ example: '加快采购进度' })
  @IsOptional()
  @IsString({ message: '纠偏措施须为文字' })
  @MaxLength(2000, { message: '纠偏措施不能超过 2000 字' })
  measures?: string;
}

export class SaveMonitoringReportDto implements SaveMonitoringReportRequest {
  @ApiProperty({ description: '读取时的版本号；尚未填报为 0' })
  @IsInt({ message: '请带上读取时的版本号' })
  @Min(0, { message: '版本号无效' })
  version!: number;

  @ApiProperty({ type: BudgetInput })
  @ValidateNested()
  @Type(() => BudgetInput)
  budget!: BudgetInput;

  @ApiPropertyOptional({ example: '截至 7 月底，已完成调研 5 次' })
  @IsOptional()
  @IsString({ message: '总体目标完成情况须为文字' })
  @MaxLength(5000, { message: '总体目标完成情况不能超过 5000 字' })
  goalProgress?: string;

  @ApiProperty({ type: [ReportIndicatorInput] })
  @IsArray({ message: '指标须为列表' })
  @ArrayMaxSize(500, { message: '一张监控表最多 500 行指标' })
  @ValidateNested({ each: true })
  @Type(() => ReportIndicatorInput)
  indicators!: ReportIndicatorInput[];
}

export class BudgetCutRequestDto implements BudgetCutRequest {
  @ApiProperty({ example: '200000.00', description: '拟调减金额（元）' })
  @IsString({ message: '调减金额须为文字形式的金额，如 "200000.00"' })
  @MaxLength(30, { message: '调减金额过长' })
  amount!: string;

  @ApiProperty({ example: '项目实施方案调整，下半年无法完成' })
  @IsString({ message: '调减理由须为文字' })
  @MaxLength(2000, { message: '调减理由不能超过 2000 字' })
  reason!: string;
}

export class SaveBudgetCutDto extends BudgetCutRequestDto {
  @ApiProperty()
  @IsInt({ message: '请带上读取时的版本号' })
  @Min(0, { message: '版本号无效' })
  version!: number;
}
