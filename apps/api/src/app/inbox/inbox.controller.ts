import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BatchApprovalResponse, InboxResponse, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { PageQueryDto } from '../common/page-query.dto';
import { BatchApprovalDto } from './dto/batch-approval.dto';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequirePermission('inbox.read')
  @ApiOperation({ summary: '我的待办（最早的在前，分页）' })
  list(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto): Promise<InboxResponse> {
    return this.inbox.of(user, query.page, query.pageSize);
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('targets.review', 'monitoring.review', 'selfEvaluation.review')
  @ApiOperation({ summary: '批量审核：所选事项各自审核通过（各自留版本与变更记录），逐项答复结果' })
  approve(@CurrentUser() user: SessionUser, @Body() body: BatchApprovalDto): Promise<BatchApprovalResponse> {
    return this.inbox.approveAll(user, body);
  }
}
