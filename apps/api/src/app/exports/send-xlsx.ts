import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ExportFile } from './exports.service';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook as a download with its Chinese file name. */
export function sendXlsx(response: FastifyReply, file: ExportFile): StreamableFile {
  response.header('Content-Disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return new StreamableFile(file.content, { type: XLSX });
}
