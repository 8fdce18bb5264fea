import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app/bootstrap';
import { loadConfig } from './app/config/app-config';

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
