import { Controller, HttpCode, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentTargetImportResult, SelfEvaluationImportResult, SessionUser, TableGridResult, TargetTableImportResult } from '@pm/api-contract';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/session';
import { badRequest } from '../common/api-error';
import { Upload, Uploaded, UploadedFileContent } from '../common/uploads';
import { DepartmentTargetImportService } from './department-target-import.service';
import { DepartmentTargetImportQueryDto } from './dto/department-target-import.dto';
import { ImportQueryDto, SelfEvaluationQueryDto } from './dto/import.dto';
import { ImportsService } from './imports.service';
import { TableGridQueryDto } from './layouts/dto/import-layout.dto';
import { ImportLayoutsService } from './layouts/import-layouts.service';
import { MAX_UPLOAD_BYTES, TablesInput } from './workbook';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly departmentTargets: DepartmentTargetImportService,
    private readonly layouts: ImportLayoutsService,
  ) {}

  @Post('target-tables')
  @HttpCode(200)
  @RequirePermission('targets.import')
  @UseInterceptors(Upload(MAX_UPLOAD_BYTES))
  @ApiConsumes('multipart/form-data', 'text/tab-separated-values')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary', description: '.xlsx，或制表符分隔的文本（.tsv / .txt）' },
        layout: { type: 'string', description: '试用尚未保存的版式（JSON：{"header": [[…]], "columns": […], "skipRows": 0, "name": "…"}）；不填时自动使用已保存的版式' },
      },
    },
  })
  @ApiOperation({ summary: '导入绩效目标表（xlsx 或粘贴的表格文本）；dryRun=true 只预览；有任何问题时 400 且不保存；表格写明的单位与所选单位不同时答复中有 unit-mismatch 警告（由页面请办事员确认，SPEC §11）；表头与已保存的版式相同时按版式读取' })
  async targetTables(
    @CurrentUser() user: SessionUser,
    @Query() query: ImportQueryDto,
    @Uploaded() file: UploadedFileContent | undefined,
    @Req() request: FastifyRequest,
  ): Promise<TargetTableImportResult> {
    const sources = this.sources(file, request);
    const layout = this.layouts.tried(this.field(request, 'layout'));
    return this.imports.importTargetTables(user, { fiscalYear: query.fiscalYear, dryRun: query.dryRun ?? false, organizationId: query.organizationId, layout }, sources);
  }

  @Post('table-grid')
  @HttpCode(200)
  @RequirePermission('targets.import')
  @UseInterceptors(Upload(MAX_UPLOAD_BYTES))
  @ApiConsumes('multipart/form-data', 'text/tab-separated-values')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: '.xlsx，或制表符分隔的文本' } } } })
  @ApiOperation({ summary: '表格的前若干行（按读取的样子）及识别出的表头，供手工指定各列（版式）；不保存任何内容' })
  tableGrid(
    @CurrentUser() user: SessionUser,
    @Query() query: TableGridQueryDto,
    @Uploaded() file: UploadedFileContent | undefined,
    @Req() request: FastifyRequest,
  ): Promise<TableGridResult> {
    return this.layouts.grid(user, query.organizationId, this.sources(file, request));
  }

  @Post('self-evaluations')
  @HttpCode(200)
  @RequirePermission('targets.import')
  @UseInterceptors(Upload(MAX_UPLOAD_BYTES))
  @ApiConsumes('multipart/form-data', 'text/tab-separated-values')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: '项目支出绩效自评表：.xlsx 或制表符分隔的文本' } } } })
  @ApiOperation({ summary: '导入以前年度的项目支出绩效自评表（实际完成值），之后导入的绩效目标据此填写上年完成值' })
  async selfEvaluations(
    @CurrentUser() user: SessionUser,
    @Query() query: SelfEvaluationQueryDto,
    @Uploaded() file: UploadedFileContent | undefined,
    @Req() request: FastifyRequest,
  ): Promise<SelfEvaluationImportResult> {
    const sources = this.sources(file, request);
    return this.imports.importSelfEvaluations(user, { fiscalYear: query.fiscalYear, organizationId: query.organizationId }, sources);
  }

  @Post('department-targets')
  @HttpCode(200)
  @RequirePermission('departmentTargets.edit')
  @UseInterceptors(Upload(MAX_UPLOAD_BYTES))
  @ApiConsumes('multipart/form-data', 'text/tab-separated-values')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: '部门（单位）整体绩效目标表（可在整份预算公开文件中）：.xlsx 或制表符分隔的文本' } } } })
  @ApiOperation({ summary: '导入部门（单位）整体绩效目标表，作为本部门该年度部门整体绩效目标的草稿（本部门审核人）；dryRun=true 只预览；有任何问题时 400 且不保存；已提交或已批复时 409' })
  async departmentTargetTables(
    @CurrentUser() user: SessionUser,
    @Query() query: DepartmentTargetImportQueryDto,
    @Uploaded() file: UploadedFileContent | undefined,
    @Req() request: FastifyRequest,
  ): Promise<DepartmentTargetImportResult> {
    const sources = this.sources(file, request);
    return this.departmentTargets.importDepartmentTarget(user, { fiscalYear: query.fiscalYear, dryRun: query.dryRun ?? false, organizationId: query.organizationId }, sources);
  }

  /** A text field of a multipart form (the Upload interceptor puts them in the body). */
  private field(request: FastifyRequest, name: string): string | undefined {
    const body = request.isMultipart() ? request.body : null;
    return body && typeof body === 'object' && Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, string>)[name] : undefined;
  }

  private sources(file: { originalname: string; buffer: Buffer } | undefined, request: FastifyRequest): TablesInput {
    if (file) return { fileName: file.originalname, content: file.buffer };
    if (typeof request.body === 'string') return { fileName: '粘贴的表格', content: request.body };
    throw badRequest('请上传 .xlsx 文件，或粘贴从表格复制的内容');
  }
}
