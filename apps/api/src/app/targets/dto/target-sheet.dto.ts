import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LevelWeightsDto, SaveTargetSheetRequest, SheetProjectPart, SheetTransitionRequest, TargetIndicatorDto } from '@pm/api-contract';
import { FundsDto, MidTermDto } from '../../projects/dto/project.dto';
import { Comparator, COMPARATORS, IndicatorKind, KINDS, REVIEW_GRADES, ReviewGrade } from '@pm/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
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
  value!: string;

  @ApiProperty({ example: '次' })
  @IsString({ message: '度量单位须为文字' })
  @MaxLength(30, { message: '度量单位不能超过 30 字' })
  unit!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS, { message: '指标属性应为定量或定性' })
  kind!: IndicatorKind;

  @ApiProperty()
  @IsString()
  @MaxLength(2000, { message: '指标内容不能超过 2000 字' })
  content!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000, { message: '指标值设定依据不能超过 2000 字' })
  basis!: string;

  @ApiProperty({ nullable: true, example: '10' })
  @ValidateIf((_, v) => v !== null)
  @Matches(DECIMAL, { message: '上年完成值须为数字' })
  lastYearActual!: string | null;

  @ApiProperty({ nullable: true, example: '10' })
  @ValidateIf((_, v) => v !== null)
  @Matches(WEIGHT, { message: '分值须为 0–999 之间、最多两位小数的数字' })
  weight!: string | null;

  @ApiProperty()
  @IsString()
  @MaxLength(2000, { message: '赋分规则不能超过 2000 字' })
  scoringRule!: string;

  @ApiProperty()
  @IsString()
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

export class RowCommentInput {
  @ApiProperty({ example: 3 })
  @IsInt({ message: '行号须为整数' })
  @Min(1, { message: '行号须从 1 开始' })
  row!: number;

  @ApiProperty({ example: '指标值偏低' })
  @IsString({ message: '行意见须为文字' })
  @MaxLength(500, { message: '行意见不能超过 500 字' })
  message!: string;
}

export class SheetTransitionDto implements SheetTransitionRequest {
  @ApiPropertyOptional({ description: '读取时的版本号；给出时过期即 409' })
  @IsOptional()
  @IsInt({ message: '版本号无效' })
  version?: number;

  @ApiPropertyOptional({ example: '满意度指标缺少调查方式说明' })
  @IsOptional()
  @IsString({ message: '意见须为文字' })
  @MaxLength(2000, { message: '意见不能超过 2000 字' })
  comment?: string;

  @ApiPropertyOptional({ enum: REVIEW_GRADES })
  @IsOptional()
  @IsIn(REVIEW_GRADES, { message: '审核结果应为优、良、中、差之一' })
  reviewGrade?: ReviewGrade;

  @ApiPropertyOptional({ example: { 完整性: '优', 相关性: '良', 适当性: '优', 可行性: '优' } })
  @IsOptional()
  @IsObject({ message: '评审维度格式有误' })
  ratings?: Record<string, ReviewGrade>;

  @ApiPropertyOptional({ example: [{ row: 3, message: '指标值偏低' }] })
  @IsOptional()
  @IsArray({ message: '行意见须为列表' })
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => RowCommentInput)
  rowComments?: RowCommentInput[];
}
