import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentTargetSummaryDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { DepartmentTargetsService } from './department-targets.service';
import { DepartmentTargetListQueryDto } from './dto/department-target.dto';

@ApiTags('department-targets')
@ApiBearerAuth()
@Controller('department-targets')
export class DepartmentTargetListController {
  constructor(private readonly targets: DepartmentTargetsService) {}

  @Get()
  @RequirePermission('departmentTargets.edit', 'departmentTargets.review')
  @ApiOperation({ summary: '各主管部门某年度的部门整体绩效目标及状态（本人可见范围）' })
  list(@CurrentUser() user: SessionUser, @Query() query: DepartmentTargetListQueryDto): Promise<DepartmentTargetSummaryDto[]> {
    return this.targets.list(user, query.fiscalYear);
  }
}
