/**
 * Server CPU per cached calendar response (~200 KB) and 304 throughput: our Node server against Node's own
 * http serving the same bytes from memory, in one run, both on loopback, each in its own process.
 * The load is bounded: a fixed number of requests at a fixed concurrency.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedEvents, seededStore } from './calendar.js';
import { percentiles } from './machine.js';

const CHILD = new URL('./serve-child.ts', import.meta.url).pathname;
const CONCURRENCY = 8;
const ROUNDS = 5;

interface Child {
  readonly url: string;
  readonly cpu: () => Promise<number>;
  readonly stop: () => void;
}

function start(mode: 'ours' | 'baseline', arg: string): Promise<Child> {
  // Servers on core 1, the load generator (this process) on core 0, so they do not take turns on one core.
  const child = spawn('taskset', ['-c', '1', process.execPath, '--import', 'tsx', CHILD, mode, arg], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((ready, failed) => {
    child.once('error', failed);
    child.once('message', (message) => {
      const { url } = message as { url: string };
      ready({
        url,
        cpu: () =>
          new Promise((done) => {
            child.once('message', (m) => {
              const { cpu } = m as { cpu: { user: number; system: number } };
              done(cpu.user + cpu.system);
            });
            child.send('cpu');
          }),
        stop: () => child.kill('SIGTERM'),
      });
    });
  });
}

/** Sends `count` GETs at fixed concurrency; returns wall ms and the server's CPU µs. */
async function load(
  child: Child,
  path: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<{ wallMs: number; cpuUs: number; status: number }> {
  let sent = 0;
  let status = 0;
  const cpu0 = await child.cpu();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < count) {
        sent++;
        const res = await fetch(`${child.url}${path}`, { headers });
        status = res.status;
        await res.arrayBuffer();
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return { wallMs, cpuUs: (await child.cpu()) - cpu0, status };
}

export interface ServeResult {
  readonly bytes: number;
  readonly requests: number;
  readonly ours200: { cpuPerRequestUs: number; rps: number };
  readonly base200: { cpuPerRequestUs: number; rps: number };
  readonly ours304: { cpuPerRequestUs: number; rps: number };
  readonly base304: { cpuPerRequestUs: number; rps: number };
}

/** Runs the comparison with `requests` requests per measurement. */
export async function benchServeCpu(requests = 3000): Promise<ServeResult> {
  execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-serve-'));
  const dbPath = join(dir, 'serve.sqlite');
  await (await seededStore(dbPath, generatedEvents(280))).close();
  const path = '/calendar.ics';
  const ours = await start('ours', dbPath);
  const first = await fetch(`${ours.url}${path}`);
  const body = Buffer.from(await first.arrayBuffer());
  const etag = first.headers.get('etag') ?? '';
  const fixture = join(dir, 'bytes.json');
  writeFileSync(fixture, JSON.stringify({ body: body.toString('base64'), etag, lastModified: first.headers.get('last-modified') }));
  const base = await start('baseline', fixture);
  try {
    const measure = async (child: Child, headers: Record<string, string>, expected: number) => {
      const r = await load(child, path, requests, headers);
      if (r.status !== expected) throw new Error(`expected ${expected}, got ${r.status}`);
      return { cpuPerRequestUs: r.cpuUs / requests, rps: requests / (r.wallMs / 1000) };
    };
    // Warm both up (JIT), then alternate ours and baseline for several rounds and keep the medians,
    // so a disturbance on this 2-core machine does not land on one side only.
    for (const child of [ours, base]) await load(child, path, 2000);
    const rounds = async (headers: Record<string, string>, expected: number) => {
      const a: Array<{ cpuPerRequestUs: number; rps: number }> = [];
      const b: Array<{ cpuPerRequestUs: number; rps: number }> = [];
      for (let i = 0; i < ROUNDS; i++) {
        a.push(await measure(ours, headers, expected));
        b.push(await measure(base, headers, expected));
      }
      const median = (xs: Array<{ cpuPerRequestUs: number; rps: number }>) => ({
        cpuPerRequestUs: percentiles(xs.map((x) => x.cpuPerRequestUs)).p50,
        rps: percentiles(xs.map((x) => x.rps)).p50,
      });
      return [median(a), median(b)] as const;
    };
    const [ours200, base200] = await rounds({}, 200);
    const [ours304, base304] = await rounds({ 'If-None-Match': etag }, 304);
    return { bytes: body.byteLength, requests, ours200, base200, ours304, base304 };
  } finally {
    execFileSync('taskset', ['-p', '-c', '0-1', String(process.pid)], { stdio: 'ignore' });
    ours.stop();
    base.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
