import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FiscalYearDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { CreateFiscalYearDto, UpdateFiscalYearDto } from './dto/fiscal-year.dto';
import { FiscalYearsService } from './fiscal-years.service';
import { FiscalYearParamPipe } from '../common/params';

@ApiTags('fiscal-years')
@ApiBearerAuth()
@Controller('fiscal-years')
export class FiscalYearsController {
  constructor(private readonly years: FiscalYearsService) {}

  @Get()
  @RequirePermission('fiscalYears.read')
  @ApiOperation({ summary: '预算年度' })
  list(): Promise<FiscalYearDto[]> {
    return this.years.list();
  }

  @Post()
  @RequirePermission('fiscalYears.manage')
  @ApiOperation({ summary: '设立预算年度（管理员）' })
  create(@Body() body: CreateFiscalYearDto, @CurrentUser() actor: SessionUser): Promise<FiscalYearDto> {
    return this.years.create(body.year, actor);
  }

  @Patch(':year')
  @RequirePermission('fiscalYears.manage', 'settings.manage')
  @ApiOperation({ summary: '开启或关闭预算年度、设置申报截止日期（管理员）；更换其参数方案（财政）' })
  update(
    @Param('year', new FiscalYearParamPipe()) year: number,
    @Body() body: UpdateFiscalYearDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<FiscalYearDto> {
    return this.years.update(year, body, actor);
  }
}
