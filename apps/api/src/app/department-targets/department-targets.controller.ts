import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentTargetDto, DocumentVersionDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { ReviewRequestDto } from '../review/dto/review-request.dto';
import { DepartmentTargetsService } from './department-targets.service';
import { SaveDepartmentTargetDto } from './dto/department-target.dto';
import { FiscalYearParamPipe } from '../common/params';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const year = () => new FiscalYearParamPipe();

@ApiTags('department-targets')
@ApiBearerAuth()
@Controller('departments/:departmentId/overall-target/:year')
export class DepartmentTargetsController {
  constructor(private readonly targets: DepartmentTargetsService) {}

  @Get()
  @RequirePermission('targets.read')
  @ApiOperation({ summary: '部门整体绩效目标表：履职目标、主要任务、预算情况、绩效指标及检查结果' })
  read(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number): Promise<DepartmentTargetDto> {
    return this.targets.read(user, departmentId, fiscalYear);
  }

  @Put()
  @RequirePermission('departmentTargets.edit')
  @ApiOperation({ summary: '保存（本部门主管部门审核人，草稿时；版本过期 409）' })
  save(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: SaveDepartmentTargetDto): Promise<DepartmentTargetDto> {
    return this.targets.save(user, departmentId, fiscalYear, body);
  }

  @Post('submit')
  @HttpCode(200)
  @RequirePermission('departmentTargets.edit')
  @ApiOperation({ summary: '提交财政审核（本部门）' })
  submit(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: ReviewRequestDto): Promise<DepartmentTargetDto> {
    return this.targets.transition(user, departmentId, fiscalYear, 'submit', body);
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('departmentTargets.review')
  @ApiOperation({ summary: '批复（财政）' })
  approve(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: ReviewRequestDto): Promise<DepartmentTargetDto> {
    return this.targets.transition(user, departmentId, fiscalYear, 'approve', body);
  }

  @Post('return')
  @HttpCode(200)
  @RequirePermission('departmentTargets.review')
  @ApiOperation({ summary: '退回（财政，须填写意见）' })
  giveBack(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number, @Body() body: ReviewRequestDto): Promise<DepartmentTargetDto> {
    return this.targets.transition(user, departmentId, fiscalYear, 'return', body);
  }

  @Get('versions')
  @RequirePermission('targets.read')
  @ApiOperation({ summary: '历次版本：操作人、时间、动作、意见' })
  versions(@CurrentUser() user: SessionUser, @Param('departmentId', id()) departmentId: string, @Param('year', year()) fiscalYear: number): Promise<DocumentVersionDto[]> {
    return this.targets.versions(user, departmentId, fiscalYear);
  }
}
