import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RescoreResponse, SessionUser, WhatIfResponse } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { FiscalYearBodyDto } from '../settings/dto/settings-profile.dto';
import { YearScoresService } from './year-scores.service';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** What a profile would do to a year's self-evaluations, and the explicit rescore of its drafts. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings-profiles')
export class YearScoresController {
  constructor(private readonly scores: YearScoresService) {}

  @Post(':id/what-if')
  @HttpCode(200)
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: '试算：该年度全部自评表（草稿与已审核）在此方案下会变动的得分、总分、等级；不修改任何数据' })
  whatIf(@Param('id', id()) profileId: string, @Body() body: FiscalYearBodyDto): Promise<WhatIfResponse> {
    return this.scores.whatIf(profileId, body.fiscalYear);
  }

  @Post(':id/rescore')
  @HttpCode(200)
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: '按该年度采用的参数方案重新计分草稿（已提交、已审核的保持原参数）；逐张记入变更记录' })
  rescore(@CurrentUser() user: SessionUser, @Param('id', id()) profileId: string, @Body() body: FiscalYearBodyDto): Promise<RescoreResponse> {
    return this.scores.rescore(user, profileId, body.fiscalYear);
  }
}
