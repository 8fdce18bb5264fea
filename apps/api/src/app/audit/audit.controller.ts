import { PageQueryDto } from '../common/page-query.dto';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditEntryDto, Page, SessionUser } from '@pm/api-contract';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CurrentUser, RequirePermission } from '../auth/session';
import { AuditService } from './audit.service';

class AuditQueryDto extends PageQueryDto {
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

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: '变更记录（谁、何时、哪条记录、哪个字段、旧值 → 新值），按可见范围' })
  list(@CurrentUser() user: SessionUser, @Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.audit.list(user, query);
  }
}
