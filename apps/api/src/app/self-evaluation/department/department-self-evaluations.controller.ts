import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DepartmentSelfEvaluationDto, DepartmentSelfEvaluationListItem, DocumentVersionDto, Page, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../../auth/session';
import { buildWorkbook } from '../../exports/workbooks';
import { sendXlsx, XLSX } from '../../exports/send-xlsx';
import { ReviewRequestDto } from '../../review/dto/review-request.dto';
import { DepartmentSelfEvaluationListQueryDto, SaveDepartmentSelfEvaluationDto } from './department-self-evaluation.dto';
import { DepartmentSelfEvaluationsService } from './department-self-evaluations.service';
import { FiscalYearParamPipe } from '../../common/params';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const year = () => new FiscalYearParamPipe();

@ApiTags('self-evaluation')
@ApiBearerAuth()
@Controller('department-self-evaluations')
export class DepartmentSelfEvaluationListController {
  constructor(private readonly evaluations: DepartmentSelfEvaluationsService) {}

  @Get()
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '各主管部门某年度的部门整体支出绩效自评表及状态、执行率（本人可见范围）' })
  list(@CurrentUser() user: SessionUser, @Query() query: DepartmentSelfEvaluationListQueryDto): Promise<Page<DepartmentSelfEvaluationListItem>> {
    return this.evaluations.list(user, query.fiscalYear, query.page, query.pageSize);
  }
}

@ApiTags('self-evaluation')
@ApiBearerAuth()
@Controller('departments/:departmentId/self-evaluation/:year')
export class DepartmentSelfEvaluationsController {
  constructor(private readonly evaluations: DepartmentSelfEvaluationsService) {}

  @Get()
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '部门整体支出绩效自评表：基本支出 / 项目支出执行、部门年度目标完成情况、绩效指标实际完成值（未填报时按批复的整体目标与项目自评预填）' })
  read(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number): Promise<DepartmentSelfEvaluationDto> {
    return this.evaluations.read(user, departmentId, fiscalYear);
  }

  @Put()
  @RequirePermission('departmentTargets.edit')
  @ApiOperation({ summary: '保存（本部门，草稿时；版本过期 409；金额或实际完成值格式有误 400）' })
  save(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: SaveDepartmentSelfEvaluationDto): Promise<DepartmentSelfEvaluationDto> {
    return this.evaluations.save(user, departmentId, fiscalYear, body);
  }

  @Post('submit')
  @HttpCode(200)
  @RequirePermission('departmentTargets.edit')
  @ApiOperation({ summary: '提交财政审核（有未填的执行数、完成情况、实际完成值或偏差原因时 400）' })
  submit(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: ReviewRequestDto): Promise<DepartmentSelfEvaluationDto> {
    return this.evaluations.transition(user, departmentId, fiscalYear, 'submit', body);
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.review')
  @ApiOperation({ summary: '审核通过（财政）' })
  approve(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: ReviewRequestDto): Promise<DepartmentSelfEvaluationDto> {
    return this.evaluations.transition(user, departmentId, fiscalYear, 'approve', body);
  }

  @Post('return')
  @HttpCode(200)
  @RequirePermission('selfEvaluation.review')
  @ApiOperation({ summary: '退回（财政，须填写意见）' })
  giveBack(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: ReviewRequestDto): Promise<DepartmentSelfEvaluationDto> {
    return this.evaluations.transition(user, departmentId, fiscalYear, 'return', body);
  }

  @Get('versions')
  @RequirePermission('selfEvaluation.read')
  @ApiOperation({ summary: '历次版本：操作人、时间、动作、意见' })
  versions(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number): Promise<DocumentVersionDto[]> {
    return this.evaluations.versions(user, departmentId, fiscalYear);
  }

  @Get('table.xlsx')
  @RequirePermission('selfEvaluation.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出部门整体支出绩效自评表（2024 年决算公开格式）' })
  async table(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    const evaluation = await this.evaluations.read(user, departmentId, fiscalYear);
    return sendXlsx(response, { fileName: `${evaluation.departmentName} ${fiscalYear}年度部门整体支出绩效自评表.xlsx`, content: await buildWorkbook('departmentSelfEvaluation', evaluation) });
  }
}
