import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditEntryDto, Page, SessionUser } from '@pm/api-contract';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/session';
import { sendXlsx, XLSX } from '../exports/send-xlsx';
import { AuditFilterDto, AuditQueryDto } from './audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: '变更记录（谁、何时、哪条记录、哪个字段、旧值 → 新值），按可见范围；可按日期、操作人、对象、操作筛选' })
  list(@CurrentUser() user: SessionUser, @Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.audit.list(user, query);
  }

  @Get('audit.xlsx')
  @RequirePermission('audit.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出变更记录（与列表相同的筛选，最多 50,000 条）' })
  async export(@CurrentUser() user: SessionUser, @Query() query: AuditFilterDto, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return sendXlsx(response, await this.audit.exportFile(user, query));
  }
}
