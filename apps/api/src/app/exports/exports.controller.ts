import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SessionUser } from '@pm/api-contract';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/session';
import { ExportFile, ExportsService } from './exports.service';
import { ExportQueryDto } from './export.dto';
import { sendXlsx, XLSX } from './send-xlsx';
import { FiscalYearParamPipe } from '../common/params';


@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('target-tables.xlsx')
  @RequirePermission('targets.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出项目支出绩效目标表（预算单位或主管部门下各单位）' })
  async targetTables(@CurrentUser() user: SessionUser, @Query() query: ExportQueryDto, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return this.send(response, await this.exports.targetTables(user, query.fiscalYear, query.organizationId));
  }

  @Get('department-summary.xlsx')
  @RequirePermission('targets.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出部门预算项目绩效目标汇总表（每个一级指标一组“三级指标 | 指标值”，金额以万元计）' })
  async departmentSummary(@CurrentUser() user: SessionUser, @Query() query: ExportQueryDto, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return this.send(response, await this.exports.departmentSummary(user, query.fiscalYear, query.organizationId));
  }

  @Get('projects/:id/target-sheet.xlsx')
  @RequirePermission('targets.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出一个项目的绩效目标表' })
  async projectSheet(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return this.send(response, await this.exports.projectSheet(user, id));
  }

  @Get('departments/:departmentId/overall-target/:year/table.xlsx')
  @RequirePermission('targets.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出部门整体绩效目标表（预算金额以万元计）' })
  async departmentTarget(
    @CurrentUser() user: SessionUser,
    @Param('departmentId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) departmentId: string,
    @Param('year', new FiscalYearParamPipe()) year: number,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    return this.send(response, await this.exports.departmentTarget(user, departmentId, year));
  }

  private send(response: FastifyReply, file: ExportFile): StreamableFile {
    return sendXlsx(response, file);
  }
}
