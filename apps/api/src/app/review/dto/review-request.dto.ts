import { ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewRequest, RowCommentRequest } from '@pm/api-contract';
import { REVIEW_GRADES, ReviewGrade } from '@pm/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';

export class RowCommentInput implements RowCommentRequest {
  @ApiPropertyOptional({ format: 'uuid', description: '意见所指指标的编号' })
  @IsOptional()
  @IsUUID('all', { message: '指标编号格式有误' })
  indicatorId?: string;

  @ApiPropertyOptional({ example: 3, description: '没有指标编号时，意见所指的行（从 1 起，按表中顺序）' })
  @IsOptional()
  @IsInt({ message: '行号须为整数' })
  @Min(1, { message: '行号须从 1 开始' })
  row?: number;

  @ApiPropertyOptional({ example: '指标值偏低' })
  @IsString({ message: '行意见须为文字' })
  @MaxLength(500, { message: '行意见不能超过 500 字' })
  message!: string;
}

/** The body of every submit / approve / return / adjust of the review chain. */
export class ReviewRequestDto implements ReviewRequest {
  @ApiPropertyOptional({ description: '读取时的版本号；给出时过期即 409' })
  @IsOptional()
  @IsInt({ message: '版本号无效' })
  version?: number;

  @ApiPropertyOptional({ example: '满意度指标缺少调查方式说明' })
  @IsOptional()
  @IsString({ message: '意见须为文字' })
  @MaxLength(2000, { message: '意见不能超过 2000 字' })
  comment?: string;

  @ApiPropertyOptional({ enum: REVIEW_GRADES, description: '绩效目标表：审核通过为优或良，退回为中或差' })
  @IsOptional()
  @IsIn(REVIEW_GRADES, { message: '审核结果应为优、良、中、差之一' })
  reviewGrade?: ReviewGrade;

  @ApiPropertyOptional({ example: { 完整性: '优', 相关性: '良', 适当性: '优', 可行性: '优' } })
  @IsOptional()
  @IsObject({ message: '评审维度格式有误' })
  ratings?: Record<string, ReviewGrade>;

  @ApiPropertyOptional({ type: [RowCommentInput] })
  @IsOptional()
  @IsArray({ message: '行意见须为列表' })
  @ArrayMaxSize(500, { message: '行意见最多 500 条' })
  @ValidateNested({ each: true })
  @Type(() => RowCommentInput)
  rowComments?: RowCommentInput[];
}
