import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BudgetCutDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { ReviewRequestDto } from '../review/dto/review-request.dto';
import { BudgetCutsService } from './budget-cuts.service';
import { SaveBudgetCutDto } from './dto/monitoring.dto';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('budget-cuts')
export class BudgetCutsController {
  constructor(private readonly cuts: BudgetCutsService) {}

  @Get(':id')
  @RequirePermission('monitoring.read')
  @ApiOperation({ summary: '调减预算申请' })
  read(@CurrentUser() user: SessionUser, @Param('id', id()) cutId: string): Promise<BudgetCutDto> {
    return this.cuts.read(user, cutId);
  }

  @Put(':id')
  @RequirePermission('monitoring.edit')
  @ApiOperation({ summary: '修改被退回的调减预算申请' })
  save(@CurrentUser() user: SessionUser, @Param('id', id()) cutId: string, @Body() body: SaveBudgetCutDto): Promise<BudgetCutDto> {
    return this.cuts.save(user, cutId, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('monitoring.edit')
  @ApiOperation({ summary: '重新提交财政' })
  submit(@CurrentUser() user: SessionUser, @Param('id', id()) cutId: string, @Body() body: ReviewRequestDto): Promise<BudgetCutDto> {
    return this.cuts.transition(user, cutId, 'submit', body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('monitoring.manage')
  @ApiOperation({ summary: '财政同意调减' })
  approve(@CurrentUser() user: SessionUser, @Param('id', id()) cutId: string, @Body() body: ReviewRequestDto): Promise<BudgetCutDto> {
    return this.cuts.transition(user, cutId, 'approve', body);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission('monitoring.manage')
  @ApiOperation({ summary: '财政退回（须填写意见）' })
  giveBack(@CurrentUser() user: SessionUser, @Param('id', id()) cutId: string, @Body() body: ReviewRequestDto): Promise<BudgetCutDto> {
    return this.cuts.transition(user, cutId, 'return', body);
  }
}
