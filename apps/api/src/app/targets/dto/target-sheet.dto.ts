import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LevelWeightsDto, SaveTargetSheetRequest, SheetProjectPart, TargetIndicatorDto } from '@pm/api-contract';
import { FundsDto, MidTermDto } from '../../projects/dto/project.dto';
import { Comparator, COMPARATORS, IndicatorKind, KINDS } from '@pm/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;
const WEIGHT = /^\d{1,3}(\.\d{1,2})?$/;
export const MAX_ROWS = 500;

export class TargetIndicatorInput implements TargetIndicatorDto {
  @ApiPropertyOptional({ description: '指标的稳定编号：带上原有编号即保留该指标（及其意见、实际值、得分），不带即新增', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '指标编号格式有误' })
  id?: string;

  @ApiProperty({ example: '产出指标' })
  @IsString({ message: '一级指标须为文字' })
  @MaxLength(30, { message: '一级指标不能超过 30 字' })
  level1!: string;

  @ApiProperty({ example: '数量指标' })
  @IsString({ message: '二级指标须为文字' })
  @MaxLength(30, { message: '二级指标不能超过 30 字' })
  level2!: string;

  @ApiProperty({ example: '调研次数' })
  @IsString({ message: '三级指标须为文字' })
  @MaxLength(200, { message: '三级指标不能超过 200 字' })
  name!: string;

  @ApiProperty({ enum: COMPARATORS, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsIn(COMPARATORS, { message: `指标性质应为 ${COMPARATORS.join(' ')} 之一` })
  comparator!: Comparator | null;

  @ApiProperty({ example: '12' })
  @IsString({ message: '指标值须为文字' })
  @MaxLength(200, { message: '指标值不能超过 200 字' })
  // stored beside the text as numeric(20,4) when it is a number
  @Matches(/^(?!\s*-?\d{17})/, { message: '指标值过大，整数部分最多 16 位' })
  value!: string;

  @ApiProperty({ example: '次' })
  @IsString({ message: '度量单位须为文字' })
  @MaxLength(30, { message: '度量单位不能超过 30 字' })
  unit!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS, { message: '指标属性应为定量或定性' })
  kind!: IndicatorKind;

  @ApiPropertyOptional({ description: '可省略，省略即为空' })
  @IsOptional()
  @IsString({ message: '指标内容须为文字' })
  @MaxLength(2000, { message: '指标内容不能超过 2000 字' })
  content!: string;

  @ApiPropertyOptional({ description: '可省略，省略即为空' })
  @IsOptional()
  @IsString({ message: '指标值设定依据须为文字' })
  @MaxLength(2000, { message: '指标值设定依据不能超过 2000 字' })
  basis!: string;

  @ApiPropertyOptional({ nullable: true, example: '10', description: '可省略，省略即为空' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(DECIMAL, { message: '上年完成值须为数字' })
  lastYearActual!: string | null;

  @ApiPropertyOptional({ nullable: true, example: '24 小时', description: '上年完成值不是以度量单位计的数字时，照原文保存于此（lastYearActual 为空）；可省略' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString({ message: '上年完成值（原文）须为文字' })
  @MaxLength(200, { message: '上年完成值（原文）不能超过 200 字' })
  lastYearActualText?: string | null;

  @ApiProperty({ nullable: true, example: '10' })
  @ValidateIf((_, v) => v !== null)
  @Matches(WEIGHT, { message: '分值须为 0–999 之间、最多两位小数的数字' })
  weight!: string | null;

  @ApiPropertyOptional({ description: '可省略，省略即为空' })
  @IsOptional()
  @IsString({ message: '赋分规则须为文字' })
  @MaxLength(2000, { message: '赋分规则不能超过 2000 字' })
  scoringRule!: string;

  @ApiPropertyOptional({ description: '可省略，省略即为空' })
  @IsOptional()
  @IsString({ message: '佐证资料须为文字' })
  @MaxLength(2000, { message: '佐证资料不能超过 2000 字' })
  evidence!: string;
}

export class SheetProjectPartDto implements SheetProjectPart {
  @ApiProperty({ example: '保障应急值守 24 小时不间断。' })
  @IsString({ message: '年度总体目标须为文字' })
  @MaxLength(5000, { message: '年度总体目标不能超过 5000 字' })
  overallGoal!: string;

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

export class SaveTargetSheetDto implements SaveTargetSheetRequest {
  @ApiProperty({ description: '读取时的版本号；新表为 0' })
  @IsInt({ message: '请带上读取时的版本号' })
  @Min(0, { message: '版本号无效' })
  version!: number;

  @ApiProperty({ type: [TargetIndicatorInput] })
  @IsArray({ message: '指标须为列表' })
  @ArrayMaxSize(MAX_ROWS, { message: `一张绩效目标表最多 ${MAX_ROWS} 行指标` })
  @ValidateNested({ each: true })
  @Type(() => TargetIndicatorInput)
  indicators!: TargetIndicatorInput[];

  @ApiPropertyOptional({ example: { level1: { 产出指标: '50' } } })
  @IsOptional()
  @IsObject({ message: '一级、二级指标分值格式有误' })
  levelWeights?: LevelWeightsDto;

  @ApiPropertyOptional({ type: SheetProjectPartDto, description: '项目年度总体目标与资金（随表保存）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SheetProjectPartDto)
  project?: SheetProjectPartDto;
}
