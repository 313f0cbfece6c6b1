/**
 * Server CPU per poll of a kept calendar (1,000 events of bilingual text), 200 and 304, in one run: our Node
 * server against a minimal Hono app on @hono/node-server answering the same bytes and headers from memory (the
 * floor of any Hono app), with raw node:http beside them; and the bytes a poll sends, against the baseline's
 * (the code before the pipeline, which sent calendars uncompressed). Each server in its own process on core 1,
 * the load generator on core 0; CPU is the server process's own. Load is bounded: a fixed number of requests at
 * a fixed concurrency.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkoutBaseline } from './baseline.js';
import { generatedEvents, storedEvents } from './data.js';
import { percentiles } from './machine.js';
import { type Child, onCoreZero, startChild } from './processes.js';

const OURS = new URL('..', import.meta.url).pathname;
const CONCURRENCY = 8;
const ROUNDS = 5;
const PATH = '/calendar.de.ics';
// What subscribers' clients send (Outlook, browsers, feed readers all accept gzip; most accept brotli).
const ACCEPT = { 'Accept-Encoding': 'gzip, deflate, br' };

/** One response as sent: status, headers and the body's bytes, not decoded. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((done, failed) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', failed)
      .end();
  });
}

/**
 * Sends `count` GETs at fixed concurrency over kept-alive node:http connections, reading each body as sent (not
 * decoded: decoding brotli would make the load generator the bottleneck); the server's CPU µs per request and the rate.
 */
async function load(child: Child, count: number, headers: Record<string, string>, expected: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const get = () =>
    new Promise<number>((done, failed) => {
      request(`${child.url}${PATH}`, { headers, agent }, (res) => {
        res.on('data', () => {});
        res.on('end', () => done(res.statusCode ?? 0));
      })
        .on('error', failed)
        .end();
    });
  let sent = 0;
  const cpu0 = await child.cpu();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < count) {
        sent++;
        const status = await get();
        if (status !== expected) throw new Error(`expected ${expected}, got ${status}`);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { cpuPerRequestUs: ((await child.cpu()) - cpu0) / count, rps: count / (wallMs / 1000) };
}

type Figures = { cpuPerRequestUs: number; rps: number };

export interface ServeResult {
  readonly events: number;
  readonly requests: number;
  readonly encoding: string;
  readonly bytes: { readonly identity: number; readonly br: number; readonly gzip: number; readonly baseline: number };
  readonly baselineCommit: string;
  readonly ok: { ours: Figures; hono: Figures; raw: Figures };
  readonly notModified: { ours: Figures; hono: Figures; raw: Figures };
}

/** Runs the comparison with `requests` requests per measurement. */
export async function benchServeCpu(events = 1000, requests = 4000): Promise<ServeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-serve-'));
  const baseline = checkoutBaseline();
  try {
    const dbPath = join(dir, 'serve.sqlite');
    await (await storedEvents(dbPath, generatedEvents(events))).close();
    const baseDb = join(dir, 'baseline.sqlite');
    baseline.database(baseDb, events);
    return await onCoreZero(async () => {
      const ours = await startChild('app', [OURS, dbPath]);
      const base = await startChild('app', [baseline.root, baseDb]);
      // Twice: the compressed bodies are made after the first answer.
      await rawGet(`${ours.url}${PATH}`, ACCEPT);
      await new Promise((resume) => setTimeout(resume, 500));
      const sent = await rawGet(`${ours.url}${PATH}`, ACCEPT);
      const identity = await rawGet(`${ours.url}${PATH}`, { 'Accept-Encoding': 'identity' });
      const gzip = await rawGet(`${ours.url}${PATH}`, { 'Accept-Encoding': 'gzip' });
      const baseBytes = (await rawGet(`${base.url}${PATH}`, ACCEPT)).body.byteLength;
      await base.stop();
      const { date: _d, connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, 'content-length': _l, ...headers } = sent.headers;
      const fixture = join(dir, 'fixture.json');
      writeFileSync(fixture, JSON.stringify({ body: sent.body.toString('base64'), headers: { ...headers, ETag: sent.headers.etag } }));
      const hono = await startChild('hono', [fixture]);
      const raw = await startChild('raw', [fixture]);
      try {
        const servers = { ours, hono, raw } as const;
        for (const child of Object.values(servers)) await load(child, 2000, ACCEPT, 200);
        const rounds = async (headers: Record<string, string>, expected: number) => {
          const samples: Record<keyof typeof servers, Figures[]> = { ours: [], hono: [], raw: [] };
          for (let i = 0; i < ROUNDS; i++)
            for (const [name, child] of Object.entries(servers))
              samples[name as keyof typeof servers].push(await load(child, requests, headers, expected));
          const median = (xs: Figures[]) => ({
            cpuPerRequestUs: percentiles(xs.map((x) => x.cpuPerRequestUs)).p50,
            rps: percentiles(xs.map((x) => x.rps)).p50,
          });
          return { ours: median(samples.ours), hono: median(samples.hono), raw: median(samples.raw) };
        };
        const ok = await rounds(ACCEPT, 200);
        const notModified = await rounds({ ...ACCEPT, 'If-None-Match': sent.headers.etag ?? '' }, 304);
        return {
          events,
          requests,
          encoding: sent.headers['content-encoding'] ?? 'identity',
          bytes: { identity: identity.body.byteLength, br: sent.body.byteLength, gzip: gzip.body.byteLength, baseline: baseBytes },
          baselineCommit: baseline.commit,
          ok,
          notModified,
        };
      } finally {
        for (const child of [ours, hono, raw]) await child.stop();
      }
    });
  } finally {
    baseline.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}
