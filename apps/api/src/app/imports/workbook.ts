import { ServiceUnavailableException } from '@nestjs/common';
import { join } from 'node:path';
import { badRequest } from '../common/api-error';
import { WorkerJobFailed, WorkerPool } from '../common/worker-pool';
import type { Reading, ReadingOptions, READINGS, ReadJob } from './table-reader.worker';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The bundle puts the worker beside main.js; from sources (tests) it is the .ts next to this file. */
const WORKER = __filename.endsWith('.ts') ? join(__dirname, 'table-reader.worker.ts') : join(__dirname, 'table-reader.worker.js');
let pool: WorkerPool<ReadJob, unknown> | null = null;
const readers = () => (pool ??= new WorkerPool<ReadJob, unknown>(WORKER, { timeoutMs: 60_000, maxHeapMb: 256, maxQueued: 16 }));

/** Tables as they arrived: an uploaded file (.xlsx or text), or text pasted from a spreadsheet. */
export interface TablesInput {
  fileName: string;
  content: Buffer | string;
}

/**
 * The tables of an upload or a paste read as one kind of official table (target tables, self-evaluations, a monitoring table),
 * or as grids for the mapping screen, in a worker thread; `options` (layouts mapped by hand) go with the job.
 */
export function readTables<R extends Reading>(reading: R, input: TablesInput, options?: ReadingOptions<R>): Promise<ReturnType<(typeof READINGS)[R]>> {
  const content =
    typeof input.content === 'string'
      ? input.content
      : new Uint8Array(input.content.buffer, input.content.byteOffset, input.content.byteLength);
  return read({ reading, fileName: input.fileName, content, ...(options ? { options } : {}) }) as Promise<ReturnType<(typeof READINGS)[R]>>;
}

async function read(job: ReadJob): Promise<unknown> {
  try {
    return await readers().run(job);
  } catch (error) {
    if (error instanceof WorkerJobFailed) {
      if (error.reason === 'busy') throw new ServiceUnavailableException({ message: '正在读取的文件较多，请稍后再试', errors: [] });
      throw badRequest(
        error.reason === 'timeout'
          ? '文件读取超时：表格过大或过于复杂，请删除多余的行、列和格式，或拆分后再导入'
          : '文件过大或过于复杂，无法读取；请删除多余的行、列和格式，或拆分后再导入',
      );
    }
    const message = (error as { message?: string | null }).message;
    throw badRequest(message || '无法读取该文件');
  }
}

/** Stops the readers (the app's shutdown). */
export async function closeTableReaders(): Promise<void> {
  await pool?.close();
  pool = null;
}
