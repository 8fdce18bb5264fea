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

/** Takes the lock or exits with the holder's pid and port. Returns a release function. */
export function takeStartLock(lockFile, port) {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }), { flag: 'wx' });
      return () => {
        if (holderOf(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
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
