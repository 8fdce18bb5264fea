import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Why a job did not come back with a result. */
export class WorkerJobFailed extends Error {
  constructor(readonly reason: 'timeout' | 'memory' | 'crashed' | 'busy') {
    super(`worker job ${reason}`);
  }
}

interface Job<J, R> {
  payload: J;
  transfer: ArrayBuffer[];
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface Slot<J, R> {
  worker: Worker;
  job: Job<J, R> | null;
  timer: NodeJS.Timeout | null;
  /** Set while the worker waits for work: when it fires the worker goes, and its heap with it. */
  idle: NodeJS.Timeout | null;
}

export interface WorkerPoolOptions {
  /** At most this many jobs run at once (default: the cores less one, at least 1, at most 4). */
  size?: number;
  /** A job running longer is stopped with its worker. */
  timeoutMs: number;
  /** A worker's heap; past it the worker dies and only its job fails. */
  maxHeapMb: number;
  /** Jobs waiting beyond this are refused at once rather than queued. */
  maxQueued: number;
}

/**
 * Heavy, synchronous work (reading an uploaded workbook, building one) in worker threads, so the
 * event loop keeps answering everyone else. Each job gets a time limit and each worker a heap
 * limit: a hostile file costs its own request, never the process. Idle workers are unref'd and
 * retired after a few seconds, so a big import or export does not leave its memory held.
 * Works from the webpack bundle (a `.js` entry beside main.js) and from TypeScript sources in tests.
 */
const IDLE_MS = 5000;

export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[] = [];
  private readonly queue: Job<J, R>[] = [];
  private readonly size: number;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly options: WorkerPoolOptions,
  ) {
    this.size = options.size ?? Math.max(1, Math.min(4, cpus().length - 1));
  }

  run(payload: J, transfer: ArrayBuffer[] = []): Promise<R> {
    if (this.closed) return Promise.reject(new WorkerJobFailed('crashed'));
    return new Promise<R>((resolve, reject) => {
      if (this.queue.length >= this.options.maxQueued) return reject(new WorkerJobFailed('busy'));
      this.queue.push({ payload, transfer, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new WorkerJobFailed('crashed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Job<J, R>;
      slot.job = job;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.fail(slot as Slot<J, R>, new WorkerJobFailed('timeout')), this.options.timeoutMs);
      slot.worker.postMessage(job.payload, job.transfer);
    }
  }

  private spawn(): Slot<J, R> {
    const worker = startWorker(this.file, this.options.maxHeapMb);
    const slot: Slot<J, R> = { worker, job: null, timer: null, idle: null };
    worker.on('message', (message: { result?: R; error?: unknown }) => {
      const job = slot.job;
      this.release(slot);
      if (!job) return;
      if ('error' in message) job.reject(message.error);
      else job.resolve(message.result as R);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => this.fail(slot, new WorkerJobFailed(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed')));
    worker.on('exit', () => this.fail(slot, new WorkerJobFailed('crashed')));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot<J, R>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = setTimeout(() => this.retire(slot), IDLE_MS);
    slot.idle.unref();
  }

  private retire(slot: Slot<J, R>): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || slot.job) return;
    this.slots.splice(index, 1);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
  }

  /** The slot's job fails and its worker goes; the next job gets a fresh one. */
  private fail(slot: Slot<J, R>, error: WorkerJobFailed): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    this.release(slot);
    if (slot.idle) clearTimeout(slot.idle);
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.closed) this.dispatch();
  }
}

/** Workers run their own script: the bundled `.js` in production, the `.ts` source (through ts-node) in tests. */
function startWorker(file: string, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!file.endsWith('.ts')) return new Worker(file, { resourceLimits });
  const root = join(__dirname, '..', '..', '..', '..', '..');
  const bootstrap = `
    require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(root, 'apps', 'api', 'tsconfig.app.json'))} });
    require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(root)}, paths: { '@pm/domain': ['libs/domain/src/index.ts'], '@pm/api-contract': ['libs/api-contract/src/index.ts'] } });
    require(${JSON.stringify(file)});`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
