import { ServiceUnavailableException } from '@nestjs/common';
import { join } from 'node:path';
import { WorkerJobFailed, WorkerPool } from '../common/worker-pool';
import type { Layout, LayoutData } from './layouts';
import type { BuildJob } from './workbook.worker';

/** The bundle puts the worker beside main.js; from sources (tests) it is the .ts next to this file. */
const WORKER = __filename.endsWith('.ts') ? join(__dirname, 'workbook.worker.ts') : join(__dirname, 'workbook.worker.js');
let pool: WorkerPool<BuildJob, Uint8Array> | null = null;
const builders = () => (pool ??= new WorkerPool<BuildJob, Uint8Array>(WORKER, { timeoutMs: 120_000, maxHeapMb: 384, maxQueued: 16 }));

/**
 * An official table built in a worker thread, so a 30,000-row export never stalls other
 * requests; its data is copied over, the file's bytes come back.
 */
export async function buildWorkbook<L extends Layout>(layout: L, ...data: LayoutData<L>): Promise<Buffer> {
  try {
    const bytes = await builders().run({ layout, data });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof WorkerJobFailed) {
      const message = error.reason === 'busy' ? '正在生成的表格较多，请稍后再试' : '表格过大，未能在限定时间和内存内生成；请按单位分别导出';
      throw new ServiceUnavailableException({ message, errors: [] });
    }
    throw error;
  }
}

/** Stops the builders (the app's shutdown). */
export async function closeWorkbookBuilders(): Promise<void> {
  await pool?.close();
  pool = null;
}
