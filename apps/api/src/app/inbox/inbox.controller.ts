import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxResponse, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { PageQueryDto } from '../common/page-query.dto';
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
}
