// One `npm start` per embedded data dir: a second one would take the first one's PostgreSQL for an
// orphan and stop it. The lock names the holder's pid; a lock whose process is gone is stale.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function holderOf(lockFile) {
  try {
    const holder = JSON.parse(readFileSync(lockFile, 'utf8'));
    const cmd = readFileSync(`/proc/${holder.pid}/cmdline`, 'utf8');
    return cmd.includes('start.mjs') ? holder : null;
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock or exits with the holder's pid and port; a holder that is stopping (Ctrl-C a
 * moment ago) is waited for. Returns { release, stopping }: `stopping()` marks the lock as such.
 */
export async function takeStartLock(lockFile, port) {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let wait = 0; wait < 600 && holderOf(lockFile)?.stopping; wait++) {
    if (wait === 0) console.log(`› waiting for the previous npm start (pid ${holderOf(lockFile)?.pid}) to finish stopping …`);
    await sleep(100);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }), { flag: 'wx' });
      const ours = () => holderOf(lockFile)?.pid === process.pid;
      return {
        release: () => ours() && rmSync(lockFile, { force: true }),
        stopping: () => ours() && writeFileSync(lockFile, JSON.stringify({ ...JSON.parse(readFileSync(lockFile, 'utf8')), stopping: true })),
      };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = holderOf(lockFile);
      if (holder && holder.pid !== process.pid) {
        console.error(
          `✗ 已有一个 npm start 在使用这份数据（进程 ${holder.pid}，端口 ${holder.port}，${holder.startedAt} 启动）。\n` +
            `  请先停止它（在它的终端按 Ctrl-C，或 kill ${holder.pid}），或用 PGDATA_DIR 指定另一个数据目录。\n` +
            `  Another npm start (pid ${holder.pid}, port ${holder.port}) is using this data dir; stop it first or set PGDATA_DIR.`,
        );
        process.exit(1);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`could not take ${lockFile}`);
}

export const lockFileOf = (dataDir) => `${dataDir}.start-lock`;
