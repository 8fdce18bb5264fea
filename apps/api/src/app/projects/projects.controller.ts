import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, ProjectDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { CreateProjectDto, ProjectListQueryDto } from './dto/project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({ summary: '项目列表（按用户可见范围）' })
  list(@CurrentUser() user: SessionUser, @Query() query: ProjectListQueryDto): Promise<Page<ProjectDto>> {
    return this.projects.list(user, query);
  }

  @Get(':id')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: '项目详情与资金' })
  get(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<ProjectDto> {
    return this.projects.get(user, id);
  }

  @Post()
  @RequirePermission('projects.create')
  @ApiOperation({ summary: '新建项目（项目负责人，限本单位）' })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(user, body);
  }
}
