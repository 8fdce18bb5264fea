import { readDepartmentTargets, readMonitoringTable, readSelfEvaluations, readTargetTables, tableGrids, TableSource } from '@pm/domain';
import { parentPort } from 'node:worker_threads';
import { readText, readUpload, TableReadError } from './table-reader';

/**
 * The domain's readers of official tables, run here so 30,000 rows never hold up the event loop; and
 * the first rows of each table as read, with the header found, for the screen that maps columns by hand.
 */
export const READINGS = { targetTables: readTargetTables, selfEvaluations: readSelfEvaluations, monitoringTable: readMonitoringTable, departmentTargets: readDepartmentTargets, tableGrids };
export type Reading = keyof typeof READINGS;
/** What a reading takes besides the tables (the layouts mapped by hand of a target-table reading), sent with the job. */
export type ReadingOptions<R extends Reading> = Parameters<(typeof READINGS)[R]>[1];

/**
 * One job per message: an upload (or pasted text) read into tables of cell texts and those read as
 * one kind of official table, in one go (the cells of 30,000 rows never cross to the main thread);
 * a clerk's mistake comes back as its sentence.
 */
export interface ReadJob {
  reading: Reading;
  fileName: string;
  content: Uint8Array | string;
  options?: ReadingOptions<Reading>;
}

parentPort?.on('message', async (job: ReadJob) => {
  try {
    const sources: TableSource[] =
      typeof job.content === 'string'
        ? [readText(job.fileName, job.content)]
        : await readUpload(job.fileName, Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength));
    const read = READINGS[job.reading] as (sources: TableSource[], options?: ReadingOptions<Reading>) => unknown;
    parentPort?.postMessage({ result: read(sources, job.options) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof TableReadError ? { message: error.message } : { message: null } });
  }
});
