import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionUser, SheetCompareDto, SheetVersionDto, TargetSheetDto } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { ReviewRequestDto } from '../review/dto/review-request.dto';
import { SaveTargetSheetDto } from './dto/target-sheet.dto';
import { SheetVersionsService } from './sheet-versions.service';
import { TargetSheetsService } from './target-sheets.service';
import { VersionQueryPipe } from '../common/params';

const projectId = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('target-sheets')
@ApiBearerAuth()
@Controller('projects/:projectId/target-sheet')
export class TargetSheetsController {
  constructor(
    private readonly sheets: TargetSheetsService,
    private readonly versions: SheetVersionsService,
  ) {}

  @Get()
  @RequirePermission('targets.read')
  @ApiOperation({ summary: '项目绩效目标表，含检查结果' })
  read(@CurrentUser() user: SessionUser, @Param('projectId', projectId()) id: string): Promise<TargetSheetDto> {
    return this.sheets.read(user, id);
  }

  @Put()
  @RequirePermission('targets.edit', 'targets.review')
  @ApiOperation({ summary: '保存整张表（带读取时的版本号；过期或不可编辑时 409）。项目负责人改草稿；当前审核人可作少量修改（良）' })
  save(@CurrentUser() user: SessionUser, @Param('projectId', projectId()) id: string, @Body() body: SaveTargetSheetDto): Promise<TargetSheetDto> {
    return this.sheets.save(user, id, body);
  }

  @Post('submit')
  @HttpCode(200)
  @RequirePermission('targets.edit')
  @ApiOperation({ summary: '提交主管部门审核（有必须修改的问题时 400）' })
  submit(@CurrentUser() user: SessionUser, @Param('projectId', projectId()) id: string, @Body() body: ReviewRequestDto): Promise<TargetSheetDto> {
    return this.sheets.transition(user, id, 'submit', body);
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('targets.review')
  @ApiOperation({ summary: '审核通过：主管部门送财政，财政批复' })
  approve(@CurrentUser() user: SessionUser, @Param('projectId', projectId()) id: string, @Body() body: ReviewRequestDto): Promise<TargetSheetDto> {
    return this.sheets.transition(user, id, 'approve', body);
  }

  @Post('return')
  @HttpCode(200)
  @RequirePermission('targets.review')
  @ApiOperation({ summary: '退回修改（须填写意见）' })
  giveBack(@CurrentUser() user: SessionUser, @Param('projectId', projectId()) id: string, @Body() body: ReviewRequestDto): Promise<TargetSheetDto> {
    return this.sheets.transition(user, id, 'return', body);
  }

  @Post('adjust')
  @HttpCode(200)
  @RequirePermission('targets.edit')
  @ApiOperation({ summary: '对已批复的绩效目标发起调整（原批复版本在调整批复前继续有效）' })
  adjust(@CurrentUser() user: SessionUser, @Param('projectId', projectId()) id: string, @Body() body: ReviewRequestDto): Promise<TargetSheetDto> {
    return this.sheets.transition(user, id, 'adjust', body);
  }

  @Get('versions')
  @RequirePermission('targets.read')
  @ApiOperation({ summary: '历次版本：操作人、时间、动作、意见' })
  listVersions(@CurrentUser() user: SessionUser, @Param('projectId', projectId()) id: string): Promise<SheetVersionDto[]> {
    return this.versions.list(user, id);
  }

  @Get('versions/compare')
  @RequirePermission('targets.read')
  @ApiOperation({ summary: '任意两个版本的逐行差异' })
  compare(
    @CurrentUser() user: SessionUser,
    @Param('projectId', projectId()) id: string,
    @Query('from', new VersionQueryPipe('from')) from: number,
    @Query('to', new VersionQueryPipe('to')) to: number,
  ): Promise<SheetCompareDto> {
    return this.versions.compare(user, id, from, to);
  }
}
