import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { ExportFile } from './exports.service';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook as a download with its Chinese file name. */
export function sendXlsx(response: Response, file: ExportFile): StreamableFile {
  response.setHeader('Content-Disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return new StreamableFile(file.content, { type: XLSX });
}
