/**
 * A server process of the benchmarks, so that the load generator's CPU is never counted: it reports its own
 * CPU time and memory over IPC. Modes:
 * - `app <root> <database>`: the app of a source tree (this one, or a baseline worktree) on Node + SQLite;
 * - `hono <fixture>`: a minimal Hono app on @hono/node-server answering one precomputed document (the floor a
 *   Hono app cannot go below);
 * - `raw <fixture>`: node:http answering the same document;
 * - `floor <database>`: no server; on `floor:<lang>[:<city>]` it reads the VEVENT fragments of a calendar with one
 *   prepared statement and concatenates them (what serving those bytes from storage costs at least).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import BetterSqlite3 from 'better-sqlite3';
import { Hono } from 'hono';

const [mode = '', arg = '', arg2 = ''] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);
let cacheOf: () => unknown = () => null;
let close: () => Promise<void> = async () => {};

process.on('message', (message) => {
  if (message === 'cpu') send({ cpu: process.cpuUsage() });
  if (message === 'memory') {
    // After a full collection, so what is measured is what is kept (children run with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    send({ rss: process.memoryUsage().rss, cache: cacheOf() });
  }
  if (typeof message === 'string' && message.startsWith('floor:')) send({ floor: floor(message.slice(6)) });
  // A clean stop: background work finished and the database file closed (its WAL checkpointed).
  if (message === 'stop') void close().then(() => process.exit(0));
});

interface Fixture {
  readonly body: string;
  readonly headers: Record<string, string>;
}

const fixture = (): { bytes: Buffer; headers: Record<string, string> } => {
  const { body, headers } = JSON.parse(readFileSync(arg, 'utf8')) as Fixture;
  return { bytes: Buffer.from(body, 'base64'), headers };
};

let floorDb: BetterSqlite3.Database | undefined;
/** Reads the VEVENT fragments of a calendar (all events, or a city's listing) with one statement and joins them. */
function floor(spec: string): { ms: number; cpuUs: number; bytes: number } {
  const [lang = 'de', city] = spec.split(':');
  floorDb ??= new BetterSqlite3(arg, { readonly: true });
  const statement = city
    ? floorDb.prepare(
        `SELECT f.bytes FROM event_listings l JOIN events e ON e.id = l.event_id
         JOIN fragments f ON f.event_id = e.id AND f.kind = 'vevent' AND f.lang = ?
         WHERE l.city = ? AND e.precision IN ('day', 'minute') AND e.start_value IS NOT NULL ORDER BY l.start_key, l.event_id`,
      )
    : floorDb.prepare(
        `SELECT f.bytes FROM events e JOIN fragments f ON f.event_id = e.id AND f.kind = 'vevent' AND f.lang = ?
         WHERE e.precision IN ('day', 'minute') AND e.start_value IS NOT NULL ORDER BY e.start_key, e.id`,
      );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const body = Buffer.concat(statement.pluck().all(...(city ? [lang, city] : [lang])) as Buffer[]);
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuUs: cpu.user + cpu.system, bytes: body.byteLength };
}

if (mode === 'app') {
  const { startNodeServer } = (await import(`${arg}src/node.ts`)) as typeof import('../src/node.js');
  const { BENCH_NOW } = await import('./data.js');
  const server = await startNodeServer(
    {
      PORT: '0',
      DATABASE_PATH: arg2,
      PUBLIC_URL: 'https://isa.example.org',
      ...(process.env.CACHE_MEMORY_MB && { CACHE_MEMORY_MB: process.env.CACHE_MEMORY_MB }),
    },
    { clock: () => BENCH_NOW },
  );
  cacheOf = () => server.cache();
  close = () => server.close();
  send({ url: server.url });
} else if (mode === 'hono') {
  const { bytes: buffer, headers } = fixture();
  const bytes = new Uint8Array(buffer);
  const app = new Hono();
  app.get('*', (c) => (c.req.header('if-none-match') === headers.ETag ? c.body(null, 304, headers) : c.body(bytes, 200, headers)));
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => send({ url: `http://127.0.0.1:${info.port}` }));
} else if (mode === 'raw') {
  const { bytes, headers } = fixture();
  const server = createServer((req, res) => {
    if (req.headers['if-none-match'] === headers.ETag) res.writeHead(304, headers).end();
    else res.writeHead(200, { ...headers, 'Content-Length': bytes.byteLength }).end(bytes);
  });
  server.listen(0, '127.0.0.1', () => send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
} else if (mode === 'floor') {
  send({ url: '' });
}
