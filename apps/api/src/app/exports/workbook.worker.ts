import { parentPort } from 'node:worker_threads';
import { Layout, LAYOUTS } from './layouts';

/** One workbook per message: the layout's name and its data, the file's bytes back (transferred, not copied). */
export interface BuildJob {
  layout: Layout;
  data: unknown[];
}

parentPort?.on('message', async (job: BuildJob) => {
  try {
    const build = LAYOUTS[job.layout] as (...data: unknown[]) => Promise<Buffer>;
    const file = await build(...job.data);
    const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    parentPort?.postMessage({ result: bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ error: { message: error instanceof Error ? error.message : String(error) } });
  }
});
