import { ApiProperty } from '@nestjs/swagger';
import { SaveDepartmentTargetRequest } from '@pm/api-contract';
import { DepartmentBudget } from '@pm/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { FiscalYearField } from '../../common/fiscal-year.field';
import { MAX_ROWS, TargetIndicatorInput } from '../../targets/dto/target-sheet.dto';

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const money = (label: string) => `${label}须为不小于 0 的金额（元），最多两位小数`;

export class DepartmentBudgetDto implements DepartmentBudget {
  @ApiProperty({ example: '27140532.56' }) @Matches(MONEY, { message: money('预算总额') }) total!: string;
  @ApiProperty({ example: '24350532.56' }) @Matches(MONEY, { message: money('基本支出') }) basic!: string;
  @ApiProperty({ example: '2790000.00' }) @Matches(MONEY, { message: money('项目支出') }) project!: string;
  @ApiProperty({ example: '27140532.56' }) @Matches(MONEY, { message: money('财政拨款') }) appropriation!: string;
  @ApiProperty({ example: '0' }) @Matches(MONEY, { message: money('上年结转') }) carryOver!: string;
  @ApiProperty({ example: '0' }) @Matches(MONEY, { message: money('其他资金') }) other!: string;
}

export class DepartmentTaskDto {
  @ApiProperty({ example: '督查督办' })
  @IsString()
  @MaxLength(200, { message: '任务名称不能超过 200 字' })
  name!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000, { message: '任务内容不能超过 2000 字' })
  content!: string;
}

export class SaveDepartmentTargetDto implements SaveDepartmentTargetRequest {
  @ApiProperty({ description: '读取时的版本号；新表为 0' })
  @IsInt({ message: '请带上读取时的版本号' })
  @Min(0)
  version!: number;

  @ApiProperty({ type: [String], example: ['牵头完成政府工作报告等文稿起草工作'] })
  @IsArray()
  @ArrayMaxSize(50, { message: '年度履职目标最多 50 条' })
  @IsString({ each: true })
  @MaxLength(2000, { each: true, message: '每条履职目标不能超过 2000 字' })
  duties!: string[];

  @ApiProperty({ type: [DepartmentTaskDto] })
  @IsArray()
  @ArrayMaxSize(100, { message: '主要任务最多 100 项' })
  @ValidateNested({ each: true })
  @Type(() => DepartmentTaskDto)
  tasks!: DepartmentTaskDto[];

  @ApiProperty({ type: DepartmentBudgetDto })
  @ValidateNested()
  @Type(() => DepartmentBudgetDto)
  budget!: DepartmentBudgetDto;

  @ApiProperty({ type: [TargetIndicatorInput] })
  @IsArray()
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => TargetIndicatorInput)
  indicators!: TargetIndicatorInput[];
}

export class DepartmentTargetListQueryDto {
  @FiscalYearField({ message: '请选择预算年度' })
  fiscalYear!: number;
}
