import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionUser, SettingsProfileDto } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { SaveSettingsProfileDto } from './dto/settings-profile.dto';
import { SettingsService } from './settings.service';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings-profiles')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @RequirePermission('fiscalYears.read')
  @ApiOperation({ summary: '参数方案（指标模板、分值、评分与预警参数）' })
  list(): Promise<SettingsProfileDto[]> {
    return this.settings.list();
  }

  @Post()
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: '新建参数方案（财政）：整体校验，有误 400 并指明字段' })
  create(@CurrentUser() user: SessionUser, @Body() body: SaveSettingsProfileDto): Promise<SettingsProfileDto> {
    return this.settings.create(user, body.profile);
  }

  @Put(':id')
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: '修改参数方案（财政）：已保存的得分不受影响，按原参数保留；每项改动记入变更记录' })
  update(@CurrentUser() user: SessionUser, @Param('id', id()) profileId: string, @Body() body: SaveSettingsProfileDto): Promise<SettingsProfileDto> {
    return this.settings.update(user, profileId, body.profile);
  }
}
