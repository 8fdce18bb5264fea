import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { Logger } from '@nestjs/common';
import { createApp } from './app/bootstrap';
import { loadConfig } from './app/config/app-config';

// The heap grows to at most 1.3× what is live after each full collection, not V8's server default of
// up to 4×: under 50 connections the API's garbage otherwise took its memory from ~230 MB to ~460 MB,
// for no measurable throughput (npm run bench: API RSS under the read load). Read at every collection.
setFlagsFromString('--heap-growing-percent=30');

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  // every interface, as an operator expects of a server (Fastify alone would listen on localhost only)
  await app.listen(config.port, '0.0.0.0');
  new Logger('Main').log({ msg: 'listening', url: `http://localhost:${config.port}`, web: config.webDist ?? null });
  // started by `npm start` with an IPC channel: when that script is gone (even killed -9), stop too
  if (process.send) process.once('disconnect', () => void app.close().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', msg: 'start failed', error: String(error?.stack ?? error) }));
  process.exit(1);
});
