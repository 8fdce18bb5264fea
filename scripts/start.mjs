// npm start: install what is missing, build, start PostgreSQL (embedded unless DATABASE_URL
// is set), then the API, which migrates, loads demo data and serves the web app on PORT.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, repoRoot } from './ensure-deps.mjs';
import { lockFileOf, takeStartLock } from './start-lock.mjs';

const log = (message) => console.log(`› ${message}`);
const env = { ...process.env, NX_DAEMON: 'false' };

let dataDir = null;
let lock = { release: () => {}, stopping: () => {} };
if (!env.DATABASE_URL) {
  const { defaultDataDir } = await import('./embedded-db.mjs');
  dataDir = env.PGDATA_DIR || defaultDataDir(repoRoot);
  lock = await takeStartLock(lockFileOf(dataDir), env.PORT || '3000');
}
process.on('exit', () => lock.release());

ensureDependencies();

log('building web and API (cached when nothing changed) …');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'], {
  cwd: repoRoot,
  env,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

/** A JWT secret kept beside the local data, made once, never committed. */
function localSecret() {
  const file = join(repoRoot, '.data', 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(join(repoRoot, '.data'), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

let database = null;
if (dataDir) {
  const { startEmbeddedPostgres } = await import('./embedded-db.mjs');
  log(`starting the embedded PostgreSQL (data in ${dataDir}) …`);
  database = await startEmbeddedPostgres({ dataDir, port: Number(env.EMBEDDED_PG_PORT) || 54329, log });
  env.DATABASE_URL = database.url;
  log(`embedded PostgreSQL listening on port ${database.port}`);
  // if this script is killed outright (-9), the reaper sees its pipe close and stops PostgreSQL
  const reaper = spawn(process.execPath, [join(repoRoot, 'scripts', 'reaper.mjs'), dataDir], { stdio: ['pipe', 'ignore', 'inherit'], detached: true });
  reaper.unref();
  reaper.stdin.unref?.();
}
env.JWT_SECRET ||= localSecret();
env.WEB_DIST ||= join(repoRoot, 'dist', 'apps', 'web', 'browser');
env.PORT ||= '3000';
env.NODE_ENV ||= 'production';

log(`starting the API on http://localhost:${env.PORT} …`);
// the IPC channel tells the API when this script is gone, however it went
const api = spawn(process.execPath, [join(repoRoot, 'dist', 'apps', 'api', 'main.js')], { cwd: repoRoot, env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  lock.stopping(); // a start right after this Ctrl-C waits for us instead of refusing
  if (api.exitCode === null && api.signalCode === null) {
    api.kill('SIGTERM');
    await new Promise((done) => api.once('exit', done));
  }
  if (database) {
    log('stopping the embedded PostgreSQL …');
    await database.stop();
  }
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));
api.on('exit', (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
// npm exits on SIGTERM without passing it on: when the parent goes, so does everything started here
const parent = process.ppid;
setInterval(() => {
  if (process.ppid === parent) return;
  log('npm stopped; stopping the API and PostgreSQL …');
  void shutdown(0);
}, 500).unref();
