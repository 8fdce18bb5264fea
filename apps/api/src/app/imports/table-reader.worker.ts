import { parentPort } from 'node:worker_threads';
import { readText, readUpload, TableReadError } from './table-reader';

/** One upload (or pasted text) per message; a clerk's mistake comes back as its sentence. */
export interface ReadJob {
  fileName: string;
  content: Uint8Array | string;
}

parentPort?.on('message', async (job: ReadJob) => {
  try {
    const result = typeof job.content === 'string' ? [readText(job.fileName, job.content)] : await readUpload(job.fileName, Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength));
    parentPort?.postMessage({ result });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof TableReadError ? { message: error.message } : { message: null } });
  }
});
