import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganizationDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @RequirePermission('organizations.read')
  @ApiOperation({ summary: '可见的单位（平铺，含上级编号）' })
  list(@CurrentUser() user: SessionUser): Promise<OrganizationDto[]> {
    return this.organizations.list(user);
  }

  @Post()
  @RequirePermission('organizations.manage')
  @ApiOperation({ summary: '新增单位（管理员）' })
  create(@Body() body: CreateOrganizationDto, @CurrentUser() user: SessionUser): Promise<OrganizationDto> {
    return this.organizations.create(body, user);
  }

  @Patch(':id')
  @RequirePermission('organizations.manage')
  @ApiOperation({ summary: '修改单位名称或编码（管理员）' })
  update(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() body: UpdateOrganizationDto,
    @CurrentUser() user: SessionUser,
  ): Promise<OrganizationDto> {
    return this.organizations.update(id, body, user);
  }
}
