import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DocumentVersionDto, EvidenceFileDto, MonitoringReportDto, MonitoringTrendItem, Page, SessionUser } from '@pm/api-contract';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentUser, RequirePermission } from '../auth/session';
import { badRequest } from '../common/api-error';
import { Upload, Uploaded, UploadedFileContent } from '../common/uploads';
import { EvidenceService, MAX_EVIDENCE_BYTES } from '../evidence/evidence.service';
import { ReviewHistory } from '../review/review-history.service';
import { ReviewRequestDto } from '../review/dto/review-request.dto';
import { BudgetCutRequestDto, SaveMonitoringReportDto, TrendQueryDto } from './dto/monitoring.dto';
import { MonitoringReportsService, ReportTransition } from './monitoring-reports.service';
import { MonitoringImportResult, MonitoringTablesService } from './monitoring-tables.service';
import { sendXlsx, XLSX } from '../exports/send-xlsx';
import { MAX_UPLOAD_BYTES } from '../imports/workbook';
import { DryRunQueryDto } from '../imports/dto/import.dto';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

class EvidenceFieldsDto {
  @IsOptional()
  @IsUUID('all', { message: '指标编号格式有误' })
  indicatorId?: string;
}

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring-reports')
export class MonitoringReportsController {
  constructor(
    private readonly reports: MonitoringReportsService,
    private readonly evidence: EvidenceService,
    private readonly history: ReviewHistory,
    private readonly tables: MonitoringTablesService,
  ) {}

  @Get()
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '项目在各批次的监控表（趋势）；可按项目、年度筛选' })
  list(@CurrentUser() user: SessionUser, @Query() query: TrendQueryDto): Promise<Page<MonitoringTrendItem>> {
    return this.reports.trend(user, query);
  }

  @Get(':id.xlsx')
  @RequirePermission('monitoring.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出项目支出绩效目标执行监控表（含预警颜色与计算过程；隐藏列“指标编号”供填好后导回）' })
  async exportReport(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return sendXlsx(response, await this.tables.reportFile(user, reportId));
  }

  @Post(':id/import')
  @HttpCode(200)
  @RequirePermission('monitoring.edit')
  @UseInterceptors(Upload(MAX_UPLOAD_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: '在 Excel 中填好的监控表（.xlsx）' } } } })
  @ApiOperation({ summary: '导入在 Excel 中填好的监控表；dryRun=true 只检查；有任何问题时 400 且不保存' })
  async importReport(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Query() query: DryRunQueryDto, @Uploaded() file: UploadedFileContent | undefined): Promise<MonitoringImportResult> {
    if (!file) throw badRequest('请上传填好的监控表（.xlsx）', [{ field: 'file', message: '请选择文件' }]);
    return this.tables.importReport(user, reportId, { fileName: file.originalname, content: file.buffer }, query.dryRun ?? false);
  }

  @Get(':id')
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '项目支出绩效目标执行监控表：资金、指标完成情况、四色预警及其计算过程、检查结果' })
  read(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string): Promise<MonitoringReportDto> {
    return this.reports.read(user, reportId);
  }

  @Put(':id')
  @RequirePermission('monitoring.edit')
  @ApiOperation({ summary: '保存监控表并重算全部预警（带读取时的版本号；过期或不可编辑 409；填写有误 400）' })
  save(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Body() body: SaveMonitoringReportDto): Promise<MonitoringReportDto> {
    return this.reports.save(user, reportId, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('monitoring.edit')
  @ApiOperation({ summary: '提交主管部门审核（红色预警行缺少偏差原因、说明或纠偏措施时 400）' })
  submit(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Body() body: ReviewRequestDto): Promise<MonitoringReportDto> {
    return this.move(user, reportId, 'submit', body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('monitoring.review')
  @ApiOperation({ summary: '审核通过：主管部门送财政，财政审核通过' })
  approve(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Body() body: ReviewRequestDto): Promise<MonitoringReportDto> {
    return this.move(user, reportId, 'approve', body);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission('monitoring.review')
  @ApiOperation({ summary: '退回修改（须填写意见）' })
  giveBack(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Body() body: ReviewRequestDto): Promise<MonitoringReportDto> {
    return this.move(user, reportId, 'return', body);
  }

  @Get(':id/versions')
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '历次版本：操作人、时间、动作、意见' })
  async versions(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string): Promise<DocumentVersionDto[]> {
    await this.reports.findVisible(user, reportId);
    return this.history.list(this.reports.kind.chain.kind, reportId);
  }

  @Post(':id/adjustment')
  @HttpCode(200)
  @RequirePermission('targets.edit')
  @ApiOperation({ summary: '据红色预警发起目标调整：已批复的绩效目标生成调整稿，标出红色预警指标' })
  adjustment(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string): Promise<MonitoringReportDto> {
    return this.reports.startAdjustment(user, reportId);
  }

  @Post(':id/budget-cut')
  @HttpCode(200)
  @RequirePermission('monitoring.edit')
  @ApiOperation({ summary: '据红色预警提出调减预算申请，送财政审核' })
  budgetCut(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Body() body: BudgetCutRequestDto): Promise<MonitoringReportDto> {
    return this.reports.requestBudgetCut(user, reportId, body);
  }

  @Post(':id/evidence')
  @RequirePermission('monitoring.edit')
  @UseInterceptors(Upload(MAX_EVIDENCE_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, indicatorId: { type: 'string', format: 'uuid' } } } })
  @ApiOperation({ summary: '上传佐证资料（PDF、图片、Office 文档，按内容识别类型，每个不超过 20 MB）；可指定所证明的指标' })
  async attach(@CurrentUser() user: SessionUser, @Param('id', id()) reportId: string, @Body() fields: EvidenceFieldsDto, @Uploaded() file: UploadedFileContent | undefined): Promise<EvidenceFileDto> {
    if (!file) throw badRequest('请选择要上传的文件', [{ field: 'file', message: '请选择文件' }]);
    return this.evidence.attach(user, { kind: this.reports.kind.chain.kind, documentId: reportId, indicatorId: fields.indicatorId ?? null }, { name: file.originalname, content: file.buffer });
  }

  private move(user: SessionUser, reportId: string, action: ReportTransition, body: ReviewRequestDto): Promise<MonitoringReportDto> {
    return this.reports.transition(user, reportId, action, body);
  }
}
