import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DocumentVersionDto, EvidenceFileDto, Page, SelfEvaluationDto, SelfEvaluationListItem, SelfEvaluationRoundDto, SelfEvaluationSummaryDto, SelfEvaluationWorkbookImportResult, SessionUser } from '@pm/api-contract';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID } from 'class-validator';
import { sendXlsx, XLSX } from '../exports/send-xlsx';
import { DryRunQueryDto } from '../imports/dto/import.dto';
import { MAX_UPLOAD_BYTES } from '../imports/workbook';
import { SelfEvaluationTablesService } from './self-evaluation-tables.service';
import { CurrentUser, RequirePermission } from '../auth/session';
import { badRequest } from '../common/api-error';
import { Upload, Uploaded, UploadedFileContent } from '../common/uploads';
import { EvidenceService, MAX_EVIDENCE_BYTES } from '../evidence/evidence.service';
import { ReviewRequestDto } from '../review/dto/review-request.dto';
import { ReviewHistory } from '../review/review-history.service';
import { DismissFlagDto, OpenSelfEvaluationRoundDto, OverrideDto, SaveSelfEvaluationDto, SelfEvaluationListQueryDto } from './dto/self-evaluation.dto';
import { SelfEvaluationRoundsService } from './self-evaluation-rounds.service';
import { EvaluationTransition, SelfEvaluationsService } from './self-evaluations.service';
import { YearScoresService } from './year-scores.service';
import { FiscalYearBodyDto } from '../settings/dto/settings-profile.dto';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

class EvidenceFieldsDto {
  @IsOptional()
  @IsUUID('all', { message: '指标编号格式有误' })
  indicatorId?: string;
}

class DisclosureQueryDto {
  @Type(() => Number)
  @IsInt({ message: '请选择预算年度' })
  fiscalYear!: number;

  @IsUUID('all', { message: '请选择主管部门' })
  departmentId!: string;
}

@ApiTags('self-evaluation')
@ApiBearerAuth()
@Controller('self-evaluation-rounds')
export class SelfEvaluationRoundsController {
  constructor(private readonly rounds: SelfEvaluationRoundsService) {}

  @Post()
  @RequirePermission('selfEvaluation.manage')
  @ApiOperation({ summary: '财政开启年度绩效自评：为该年度每个已批复项目生成自评表，按批复版本预填；再次开启补充此后批复的项目' })
  open(@CurrentUser() user: SessionUser, @Body() body: OpenSelfEvaluationRoundDto): Promise<SelfEvaluationRoundDto> {
    return this.rounds.open(user, body);
  }

  @Get()
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '各年度的绩效自评' })
  list(@Query() query: SelfEvaluationListQueryDto): Promise<Page<SelfEvaluationRoundDto>> {
    return this.rounds.list(query.fiscalYear);
  }
}

@ApiTags('self-evaluation')
@ApiBearerAuth()
@Controller('self-evaluations')
export class SelfEvaluationsController {
  constructor(
    private readonly evaluations: SelfEvaluationsService,
    private readonly evidence: EvidenceService,
    private readonly history: ReviewHistory,
    private readonly scores: YearScoresService,
    private readonly tables: SelfEvaluationTablesService,
  ) {}

  @Get()
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '自评表列表：总分、等级、疑点（本人可见范围；可按年度、状态、等级、项目筛选）' })
  list(@CurrentUser() user: SessionUser, @Query() query: SelfEvaluationListQueryDto): Promise<Page<SelfEvaluationListItem>> {
    return this.evaluations.list(user, query);
  }

  @Get('summary')
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '自评结果汇总：各部门等级分布、总分分布、预算执行率与总分（本人可见范围）' })
  summary(@CurrentUser() user: SessionUser, @Query() query: FiscalYearBodyDto): Promise<SelfEvaluationSummaryDto> {
    return this.scores.summary(user, query.fiscalYear);
  }

  @Get('disclosure.xlsx')
  @RequirePermission('selfEvaluation.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '部门决算公开用：该部门本年度全部审核通过的项目支出绩效自评表，一张表一页' })
  async disclosure(@CurrentUser() user: SessionUser, @Query() query: DisclosureQueryDto, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return sendXlsx(response, await this.tables.disclosure(user, query.fiscalYear, query.departmentId));
  }

  @Get(':id.xlsx')
  @RequirePermission('selfEvaluation.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出项目支出绩效自评表（2024 年决算公开格式，含总分、等级；批注为计算过程；隐藏列“指标编号”供填好后导回）' })
  async exportEvaluation(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return sendXlsx(response, await this.tables.file(user, evaluationId));
  }

  @Post(':id/import')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.edit')
  @UseInterceptors(Upload(MAX_UPLOAD_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: '在 Excel 中填好的项目支出绩效自评表（.xlsx）' } } } })
  @ApiOperation({ summary: '导入在 Excel 中填好的自评表；dryRun=true 只预览计分结果；有任何问题时 400（指明文件中的行）且不保存' })
  async importEvaluation(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Query() query: DryRunQueryDto, @Uploaded() file: UploadedFileContent | undefined): Promise<SelfEvaluationWorkbookImportResult> {
    if (!file) throw badRequest('请上传填好的自评表（.xlsx）', [{ field: 'file', message: '请选择文件' }]);
    return this.tables.importEvaluation(user, evaluationId, { fileName: file.originalname, content: file.buffer }, query.dryRun ?? false);
  }

  @Get(':id')
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '项目支出绩效自评表：每项得分及计算过程、总分、等级、检查与疑点' })
  read(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string): Promise<SelfEvaluationDto> {
    return this.evaluations.read(user, evaluationId);
  }

  @Put(':id')
  @RequirePermission('selfEvaluation.edit')
  @ApiOperation({ summary: '保存并重新计分（带读取时的版本号；过期 409；填写有误或定性得分超出等级范围 400）' })
  save(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Body() body: SaveSelfEvaluationDto): Promise<SelfEvaluationDto> {
    return this.evaluations.save(user, evaluationId, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.edit')
  @ApiOperation({ summary: '提交主管部门审核（应填的偏差原因分析及改进措施为空时 400）' })
  submit(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Body() body: ReviewRequestDto): Promise<SelfEvaluationDto> {
    return this.move(user, evaluationId, 'submit', body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.review')
  @ApiOperation({ summary: '审核通过：主管部门送财政，财政审核通过' })
  approve(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Body() body: ReviewRequestDto): Promise<SelfEvaluationDto> {
    return this.move(user, evaluationId, 'approve', body);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.review')
  @ApiOperation({ summary: '退回修改（须填写意见）' })
  giveBack(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Body() body: ReviewRequestDto): Promise<SelfEvaluationDto> {
    return this.move(user, evaluationId, 'return', body);
  }

  @Post(':id/overrides')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.review')
  @ApiOperation({ summary: '审核人调整一项得分（须写明理由；原计算得分保留并记入历史）' })
  override(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Body() body: OverrideDto): Promise<SelfEvaluationDto> {
    return this.evaluations.override(user, evaluationId, body);
  }

  @Post(':id/flags/:code/dismiss')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.review')
  @ApiOperation({ summary: '审核人排除一个疑点（须写明理由）' })
  dismiss(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Param('code') code: string, @Body() body: DismissFlagDto): Promise<SelfEvaluationDto> {
    return this.evaluations.dismissFlag(user, evaluationId, code, body.reason);
  }

  @Get(':id/versions')
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '历次版本：操作人、时间、动作、意见（含得分调整）' })
  async versions(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string): Promise<DocumentVersionDto[]> {
    await this.evaluations.findVisible(user, evaluationId);
    return this.history.list(this.evaluations.kind.chain.kind, evaluationId);
  }

  @Post(':id/evidence')
  @RequirePermission('selfEvaluation.edit')
  @UseInterceptors(Upload(MAX_EVIDENCE_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, indicatorId: { type: 'string', format: 'uuid' } } } })
  @ApiOperation({ summary: '上传佐证资料（按内容识别类型，每个不超过 20 MB）' })
  async attach(@CurrentUser() user: SessionUser, @Param('id', id()) evaluationId: string, @Body() fields: EvidenceFieldsDto, @Uploaded() file: UploadedFileContent | undefined): Promise<EvidenceFileDto> {
    if (!file) throw badRequest('请选择要上传的文件', [{ field: 'file', message: '请选择文件' }]);
    return this.evidence.attach(user, { kind: this.evaluations.kind.chain.kind, documentId: evaluationId, indicatorId: fields.indicatorId ?? null }, { name: file.originalname, content: file.buffer });
  }

  private move(user: SessionUser, evaluationId: string, action: EvaluationTransition, body: ReviewRequestDto): Promise<SelfEvaluationDto> {
    return this.evaluations.transition(user, evaluationId, action, body);
  }
}
