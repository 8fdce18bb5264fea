import { ApiProperty, PickType } from '@nestjs/swagger';
import { BatchApprovalKind, BatchApprovalRequest } from '@pm/api-contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { ReviewRequestDto } from '../../review/dto/review-request.dto';

export const BATCH_APPROVAL_KINDS: readonly BatchApprovalKind[] = ['target_sheet', 'monitoring_report', 'self_evaluation'];

export class BatchApprovalItemDto {
  @ApiProperty({ enum: BATCH_APPROVAL_KINDS })
  @IsIn(BATCH_APPROVAL_KINDS, { message: '事项类型应为绩效目标表、监控表或自评表' })
  kind!: BatchApprovalKind;

  @ApiProperty({ format: 'uuid', description: '项目编号（绩效目标表）、监控表编号或自评表编号' })
  @IsUUID('all', { message: '事项编号格式有误' })
  id!: string;
}

export class BatchApprovalDto extends PickType(ReviewRequestDto, ['comment', 'reviewGrade', 'ratings'] as const) implements BatchApprovalRequest {
  @ApiProperty({ type: [BatchApprovalItemDto] })
  @IsArray({ message: '请选择要审核的事项' })
  @ArrayMinSize(1, { message: '请选择要审核的事项' })
  @ArrayMaxSize(200, { message: '一次最多审核 200 项' })
  @ValidateNested({ each: true })
  @Type(() => BatchApprovalItemDto)
  items!: BatchApprovalItemDto[];
}
