import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { AUDIT_ACTIONS } from '@pm/domain';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FROM_MESSAGE = '开始日期应为有效的“年-月-日”，如 2026-03-01';
const TO_MESSAGE = '结束日期应为有效的“年-月-日”，如 2026-03-31';

/** The filters of the log and of its export: days in Beijing time, names containing the words typed. */
export class AuditFilterDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: '起始日期（含），北京时间' })
  @IsOptional()
  @Matches(DAY, { message: FROM_MESSAGE })
  @IsISO8601({ strict: true }, { message: FROM_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: '截止日期（含），北京时间' })
  @IsOptional()
  @Matches(DAY, { message: TO_MESSAGE })
  @IsISO8601({ strict: true }, { message: TO_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ description: '操作人姓名包含' })
  @IsOptional()
  @IsString({ message: '操作人应为文字' })
  @MaxLength(50, { message: '操作人最多 50 个字' })
  actor?: string;

  @ApiPropertyOptional({ description: '对象名称包含（项目、部门、单位、版式、方案…）' })
  @IsOptional()
  @IsString({ message: '对象应为文字' })
  @MaxLength(100, { message: '对象最多 100 个字' })
  object?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: '操作类型无效，请从列表中选择' })
  action?: string;
}

/** The log's page: the filters, paging, and one record's entries (`entity`, `entityId`). */
export class AuditQueryDto extends IntersectionType(PageQueryDto, AuditFilterDto) {
  @ApiPropertyOptional({ example: 'target_sheet' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '记录编号无效' })
  entityId?: string;
}
