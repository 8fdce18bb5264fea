import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ImportLayoutDto, Page, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../../auth/session';
import { PageQueryDto } from '../../common/page-query.dto';
import { SaveImportLayoutDto, UpdateImportLayoutDto } from './dto/import-layout.dto';
import { ImportLayoutsService } from './import-layouts.service';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('imports')
@ApiBearerAuth()
@Controller('import-layouts')
export class ImportLayoutsController {
  constructor(private readonly layouts: ImportLayoutsService) {}

  @Get()
  @RequirePermission('targets.import')
  @ApiOperation({ summary: '版式（手工指定的表格列对应关系）：本人可见单位的版式和共享的版式，最新的在前' })
  list(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto): Promise<Page<ImportLayoutDto>> {
    return this.layouts.list(user, query);
  }

  @Post()
  @RequirePermission('targets.import')
  @ApiOperation({ summary: '保存版式：以后导入表头相同的表格时自动使用；只有财政部门可以共享；版式不可用时 400，同一单位已有同名版式时 409' })
  create(@CurrentUser() user: SessionUser, @Body() body: SaveImportLayoutDto): Promise<ImportLayoutDto> {
    return this.layouts.create(user, body);
  }

  @Put(':id')
  @RequirePermission('targets.import')
  @ApiOperation({ summary: '修改版式（带读取时的 version，已被他人修改时 409；不带 shared 时保持原样）；共享的版式只有财政部门可以修改' })
  update(@CurrentUser() user: SessionUser, @Param('id', id()) layoutId: string, @Body() body: UpdateImportLayoutDto): Promise<ImportLayoutDto> {
    return this.layouts.update(user, layoutId, body);
  }

  @Delete(':id')
  @HttpCode(200)
  @RequirePermission('targets.import')
  @ApiOperation({ summary: '删除版式（记入变更记录）；共享的版式只有财政部门可以删除' })
  async remove(@CurrentUser() user: SessionUser, @Param('id', id()) layoutId: string): Promise<{ ok: true }> {
    await this.layouts.remove(user, layoutId);
    return { ok: true };
  }
}
