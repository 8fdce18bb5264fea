import { readMonitoringTable, readSelfEvaluations, readTargetTables, TableSource } from '@pm/domain';
import { parentPort } from 'node:worker_threads';
import { readText, readUpload, TableReadError } from './table-reader';

/** The domain's readers of official tables, run here so 30,000 rows never hold up the event loop. */
export const READINGS = { targetTables: readTargetTables, selfEvaluations: readSelfEvaluations, monitoringTable: readMonitoringTable };
export type Reading = keyof typeof READINGS;

/**
 * One job per message: an upload (or pasted text) into tables of cell texts, or those tables read
 * as one kind of official table; a clerk's mistake comes back as its sentence.
 */
export type ReadJob = { fileName: string; content: Uint8Array | string } | { reading: Reading; sources: TableSource[] };

parentPort?.on('message', async (job: ReadJob) => {
  try {
    let result: unknown;
    if ('reading' in job) result = READINGS[job.reading](job.sources);
    else result = typeof job.content === 'string' ? [readText(job.fileName, job.content)] : await readUpload(job.fileName, Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength));
    parentPort?.postMessage({ result });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof TableReadError ? { message: error.message } : { message: null } });
  }
});
