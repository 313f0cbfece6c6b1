/**
 * `npm start` to the first answer on an existing database (issue: render once per change), against a raw
 * node:http server's start to its first answer, interleaved in one run: the time from spawning the process to
 * the first 200 of a GET, polled every 2 ms. Ours is `node scripts/start.mjs` exactly as `npm start` runs it
 * (without npm's own start-up, which both sides would pay), on a database an earlier start created and seeded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_CONFIG } from './data.js';
import { percentiles } from './machine.js';

const ROOT = new URL('..', import.meta.url).pathname;
const ROUNDS = 7;
const RAW_SERVER = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

/** A port that is free now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The status of one GET (body read), or 0 when nothing listens yet; node:http, no pooled connections. */
function status(url: string): Promise<number> {
  return new Promise((done) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    }).on('error', () => done(0));
  });
}

/** Spawns a server and resolves with the ms until `path` first answers 200, and the process. */
async function firstAnswer(args: readonly string[], env: Record<string, string>, path: string) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  for (;;) {
    if ((await status(`http://127.0.0.1:${port}${path}`)) === 200) return { ms: performance.now() - t0, child };
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    await new Promise((resume) => setTimeout(resume, 2));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export interface StartUpBench {
  readonly rounds: number;
  readonly ours: { p50: number; p95: number };
  /** The first `/calendar.ics` after a start (the whole calendar from stored bytes). */
  readonly oursCalendar: { p50: number; p95: number };
  readonly raw: { p50: number; p95: number };
}

export async function benchStartUp(): Promise<StartUpBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-start-'));
  try {
    // A fixed public address, as a deployment has: the stored fragments name it, and a start on another address
    // (PUBLIC_URL defaults to the port's) would find them stale and render them again in the background.
    const env = { DATABASE_PATH: join(dir, 'start.sqlite'), PUBLIC_URL: BENCH_CONFIG.publicUrl };
    const ours = ['scripts/start.mjs'];
    // The existing database: created, seeded and its calendar stored by an earlier start.
    const first = await firstAnswer(ours, env, '/calendar.ics');
    await new Promise((resume) => setTimeout(resume, 500));
    await stop(first.child);
    const samples = { ours: [] as number[], oursCalendar: [] as number[], raw: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, args, path] of [
        ['ours', ours, '/healthz'],
        ['oursCalendar', ours, '/calendar.ics'],
        ['raw', ['-e', RAW_SERVER], '/'],
      ] as const) {
        const { ms, child } = await firstAnswer(args, env, path);
        samples[name].push(ms);
        await stop(child);
      }
    }
    return {
      rounds: ROUNDS,
      ours: percentiles(samples.ours),
      oursCalendar: percentiles(samples.oursCalendar),
      raw: percentiles(samples.raw),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
