// Started by start.mjs with a pipe on stdin: when the pipe closes because start.mjs died without
// stopping (kill -9), this stops the embedded PostgreSQL it left behind. Runs in its own process group.
import { stopServer } from './embedded-db.mjs';

const dataDir = process.argv[2];
process.stdin.resume();
process.stdin.on('close', async () => {
  await stopServer(dataDir);
  process.exit(0);
});
process.stdin.on('end', () => process.stdin.destroy());
