import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
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
  @ApiOperation({ summary: '修改单位名称、编码或上级单位（管理员；不能移到自己之下，须合乎单位层级）' })
  update(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() body: UpdateOrganizationDto,
    @CurrentUser() user: SessionUser,
  ): Promise<OrganizationDto> {
    return this.organizations.update(id, body, user);
  }

  @Delete(':id')
  @HttpCode(200)
  @RequirePermission('organizations.manage')
  @ApiOperation({ summary: '删除空单位（管理员）；还有下级单位、用户、项目等时 409，并列出还有什么' })
  async remove(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string, @CurrentUser() user: SessionUser): Promise<{ ok: true }> {
    await this.organizations.remove(id, user);
    return { ok: true };
  }
}
