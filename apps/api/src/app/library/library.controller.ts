import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LibraryEntryDto, SessionUser } from '@pm/api-contract';
import { CurrentUser, RequirePermission } from '../auth/session';
import { CreateLibraryEntryDto, LibraryQueryDto } from './dto/library.dto';
import { LibraryService } from './library.service';

@ApiTags('indicator-library')
@ApiBearerAuth()
@Controller('indicator-library')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Get()
  @RequirePermission('targets.read')
  @ApiOperation({ summary: '指标库：共性指标与本部门个性指标' })
  search(@CurrentUser() user: SessionUser, @Query() query: LibraryQueryDto): Promise<LibraryEntryDto[]> {
    return this.library.search(user, query);
  }

  @Post()
  @RequirePermission('library.curate')
  @ApiOperation({ summary: '新增指标：财政为共性，主管部门为本部门个性' })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateLibraryEntryDto): Promise<LibraryEntryDto> {
    return this.library.create(user, body);
  }

  @Delete(':id')
  @HttpCode(200)
  @RequirePermission('library.curate')
  @ApiOperation({ summary: '删除本部门维护的指标' })
  async remove(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<{ ok: true }> {
    await this.library.remove(user, id);
    return { ok: true };
  }
}
