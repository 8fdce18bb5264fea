import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SettingsProfileDto } from '@pm/api-contract';
import { RequirePermission } from '../auth/session';
import { SettingsService } from './settings.service';

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
}
