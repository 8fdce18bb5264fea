import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionUser } from '@pm/api-contract';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/session';
import { EvidenceService } from './evidence.service';

const id = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get(':id')
  @RequirePermission('monitoring.read', 'selfEvaluation.read')
  @ApiOperation({ summary: '下载佐证资料' })
  async download(@CurrentUser() user: SessionUser, @Param('id', id()) fileId: string, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    const { file, content } = await this.evidence.download(user, fileId);
    response.header('Content-Disposition', `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    response.header('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: file.contentType });
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('monitoring.edit', 'selfEvaluation.edit')
  @ApiOperation({ summary: '删除佐证资料（填报人，在可修改时）' })
  async remove(@CurrentUser() user: SessionUser, @Param('id', id()) fileId: string): Promise<void> {
    await this.evidence.remove(user, fileId);
  }
}
