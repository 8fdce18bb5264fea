import { createServer, request, Server } from 'node:http';

/** A small HTTP load balancer: each request goes to the next API process in turn. */
export class RoundRobin {
  url = '';
  private server: Server | null = null;
  private next = 0;
  readonly served: number[];

  constructor(private readonly targets: string[]) {
    this.served = targets.map(() => 0);
  }

  async start(): Promise<this> {
    this.server = createServer((incoming, outgoing) => {
      const index = this.next++ % this.targets.length;
      this.served[index]++;
      const target = new URL(this.targets[index]);
      const forward = request(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: incoming.headers.host } },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.writeHead(502).end());
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
