/**
 * A server process for bench/serve-cpu.ts: `ours` is the app on Node + SQLite (startNodeServer) serving a
 * calendar; `baseline` is node:http serving the same bytes from memory with the same validators. Reports
 * its own CPU time over IPC, so the load generator's CPU is not counted, and its memory (bench/memory.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type NodeServer, startNodeServer } from '../src/node.js';

const [mode, arg] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);

let server: NodeServer | undefined;

process.on('message', (message) => {
  if (message === 'cpu') send({ cpu: process.cpuUsage() });
  if (message === 'memory') {
    // After a full collection, so what is measured is what is kept (the child runs with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    send({ rss: process.memoryUsage().rss, cache: server?.cache() });
  }
  if (message === 'stop') process.exit(0);
});

if (mode === 'ours') {
  server = await startNodeServer({ PORT: '0', DATABASE_PATH: arg ?? '' });
  send({ url: server.url });
} else {
  const { body, etag, lastModified } = JSON.parse(readFileSync(arg ?? '', 'utf8')) as { body: string; etag: string; lastModified: string };
  const bytes = Buffer.from(body, 'base64');
  const server = createServer((req, res) => {
    const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'public, max-age=300' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Length': bytes.byteLength }).end(bytes);
  });
  server.listen(0, '127.0.0.1', () => send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
}
