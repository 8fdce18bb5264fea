// Loads a route with autocannon (50 connections, loopback) and a bare Node http server answering
// the same rows straight from one pg query: the physical-limit baseline a read is compared with.
import http from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';

export const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
// a Node server reaches its pace after some 10,000 requests (the JIT optimises Nest's and TypeORM's paths in tiers): both sides are warmed alike
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 5);

/** autocannon against `origin`, each request's path from pathFor(i); returns req/s and latencies. */
export async function load(origin, pathFor, headers = {}, seconds = SECONDS) {
  let i = 0;
  const warm = await autocannon({ url: origin, connections: CONNECTIONS, duration: WARM_SECONDS, headers, requests: [{ setupRequest: (r) => ({ ...r, path: pathFor(i++) }) }] });
  void warm;
  const result = await autocannon({ url: origin, connections: CONNECTIONS, duration: seconds, headers, requests: [{ setupRequest: (r) => ({ ...r, path: pathFor(i++) }) }] });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

/**
 * A bare http server: GET /<key> runs `sql` with the key and answers the rows as JSON — no
 * framework, no auth, no checks. What a read could cost at best on this machine and database.
 */
export async function rawServer(databaseUrl, sql, shape = (rows) => rows) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer(async (req, res) => {
    try {
      const key = decodeURIComponent(req.url.slice(1).split('?')[0]);
      const { rows } = await pool.query(sql, [key]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(shape(rows)));
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      server.close();
      await pool.end();
    },
  };
}

export const describeLoad = (r) => `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.errors ? `, ${r.errors} errors` : ''}`;
