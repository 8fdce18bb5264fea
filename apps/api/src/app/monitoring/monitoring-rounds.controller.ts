import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendXlsx, XLSX } from '../exports/send-xlsx';
import { MonitoringTablesService } from './monitoring-tables.service';
import { MonitoringReportListItem, MonitoringRoundDto, Page, RoundDashboardDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { OpenMonitoringRoundDto, RoundListQueryDto, RoundReportsQueryDto, RoundStatusDto } from './dto/monitoring.dto';
import { MonitoringRoundsService } from './monitoring-rounds.service';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring-rounds')
export class MonitoringRoundsController {
  constructor(
    private readonly rounds: MonitoringRoundsService,
    private readonly tables: MonitoringTablesService,
  ) {}

  @Post()
  @RequirePermission('monitoring.manage')
  @ApiOperation({ summary: '财政开启监控批次：为该年度每个已批复项目生成一张监控表并列入负责人待办；同一年度同一截至日期再次开启时补充此后批复的项目' })
  open(@CurrentUser() user: SessionUser, @Body() body: OpenMonitoringRoundDto): Promise<MonitoringRoundDto> {
    return this.rounds.open(user, body);
  }

  @Get()
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '监控批次及各色预警数（本人可见范围）' })
  list(@CurrentUser() user: SessionUser, @Query() query: RoundListQueryDto): Promise<Page<MonitoringRoundDto>> {
    return this.rounds.list(user, query.fiscalYear);
  }

  @Get(':id/reports.xlsx')
  @RequirePermission('monitoring.read')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '导出批次内各项目的预警汇总表（带颜色）' })
  async reportsFile(@CurrentUser() user: SessionUser, @Param('id', id()) roundId: string, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    return sendXlsx(response, await this.tables.roundFile(user, roundId));
  }

  @Get(':id')
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '一个监控批次' })
  get(@CurrentUser() user: SessionUser, @Param('id', id()) roundId: string): Promise<MonitoringRoundDto> {
    return this.rounds.get(user, roundId);
  }

  @Get(':id/reports')
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '批次内的监控表（可按预警颜色、状态、项目筛选；分页）' })
  reports(@CurrentUser() user: SessionUser, @Param('id', id()) roundId: string, @Query() query: RoundReportsQueryDto): Promise<Page<MonitoringReportListItem>> {
    return this.rounds.reports(user, roundId, query);
  }

  @Get(':id/dashboard')
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '各部门各色预警数、预算执行率与时间进度' })
  dashboard(@CurrentUser() user: SessionUser, @Param('id', id()) roundId: string): Promise<RoundDashboardDto> {
    return this.rounds.dashboard(user, roundId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('monitoring.manage')
  @ApiOperation({ summary: '关闭监控批次（此后负责人不能再填报，审核照常）' })
  close(@CurrentUser() user: SessionUser, @Param('id', id()) roundId: string, @Body() body: RoundStatusDto): Promise<MonitoringRoundDto> {
    return this.rounds.setStatus(user, roundId, 'closed', body.reason ?? '');
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission('monitoring.manage')
  @ApiOperation({ summary: '重新开启监控批次（须写明原因，记入变更记录）' })
  reopen(@CurrentUser() user: SessionUser, @Param('id', id()) roundId: string, @Body() body: RoundStatusDto): Promise<MonitoringRoundDto> {
    return this.rounds.setStatus(user, roundId, 'open', body.reason ?? '');
  }
}
