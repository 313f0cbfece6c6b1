/**
 * A fresh Workers isolate's first answer (issue: render once per change): the Worker exactly as `wrangler deploy`
 * bundles it, in workerd through Miniflare, over a local D1 with the seeds and 1,000 events written with their
 * fragments, and the calendars stored by an earlier isolate. Each sample is a new workerd (a new isolate, no
 * memory, an empty Cache API, so the document comes from D1); its first request is either the whole 1k-event
 * calendar or a one-event download, interleaved. workerd's CPU is read from /proc around the request (it runs
 * D1's SQLite too); the one-event download is the baseline the whole calendar is held against.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { SEED_SET } from '../seeds/index.js';
import { writtenFragmentStatements } from '../src/documents/fragments.js';
import { bumpDataVersion } from '../src/storage/data-version.js';
import { createD1Store } from '../src/storage/dialects/d1.js';
import { eventWriteStatements } from '../src/storage/events-repository.js';
import { applySeedSet } from '../src/storage/seed.js';
import { BENCH_CONFIG, BENCH_NOW, generatedEvents } from './data.js';
import { percentiles } from './machine.js';

const ROOT = new URL('..', import.meta.url).pathname;
const EVENTS = 1000;
const ROUNDS = 9;
const QUIET = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
};
const DATABASE_ID = '00000000-0000-0000-0000-000000000000';
const CLK_TCK = 100;

/** The CPU time (ms, user + system) of every workerd process this process started. */
function workerdCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (!stat.includes('(workerd)') || Number(fields[1]) !== process.pid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while being read.
    }
  }
  return (ticks * 1000) / CLK_TCK;
}

interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
  readonly bytes: number;
}

export interface WorkersFreshBench {
  readonly events: number;
  readonly rounds: number;
  readonly calendarBytes: number;
  /** First request of a fresh isolate: the whole calendar, identity and gzip. */
  readonly calendar: { identity: Stats; gzip: Stats };
  /** First request of a fresh isolate: one event's download. */
  readonly oneEvent: Stats;
}

interface Stats {
  readonly ms: { p50: number; p95: number };
  readonly cpuMs: { p50: number; p95: number };
  /** The body as Miniflare hands it back (decoded). */
  readonly bytes: number;
}

function stats(samples: readonly Sample[]): Stats {
  return {
    ms: percentiles(samples.map((s) => s.ms)),
    cpuMs: percentiles(samples.map((s) => s.cpuMs)),
    bytes: samples[0]?.bytes ?? 0,
  };
}

export async function benchWorkersFresh(): Promise<WorkersFreshBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-workers-'));
  const run = (args: string[]) => promisify(execFile)('node_modules/.bin/wrangler', args, { cwd: ROOT, env: { ...process.env, ...QUIET } });
  try {
    await run(['deploy', '--dry-run', '--outdir', join(dir, 'bundle')]);
    await run(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', join(dir, 'state')]);
    const instance = () =>
      new Miniflare({
        modules: true,
        scriptPath: join(dir, 'bundle', 'worker.js'),
        modulesRoot: join(dir, 'bundle'),
        compatibilityDate: '2026-05-01',
        compatibilityFlags: ['nodejs_compat'],
        d1Databases: { DB: DATABASE_ID },
        d1Persist: join(dir, 'state', 'v3', 'd1'),
        bindings: { PUBLIC_URL: BENCH_CONFIG.publicUrl, UID_DOMAIN: BENCH_CONFIG.uidDomain, TEST_CLOCK: new Date(BENCH_NOW).toISOString() },
      });
    // The seeds (as `npm run worker:seed` loads them), then the events, each with its fragments, as the write API stores them.
    const setup = instance();
    await (await setup.dispatchFetch('http://localhost/healthz')).arrayBuffer();
    const store = createD1Store((await setup.getD1Database('DB')) as never);
    await applySeedSet(store, SEED_SET, new Date(BENCH_NOW).toISOString());
    const events = generatedEvents(EVENTS);
    for (let i = 0; i < events.length; i += 100) {
      const slice = events.slice(i, i + 100);
      await store.batch([
        ...eventWriteStatements(
          store.db,
          slice.map((after) => ({ before: null, after })),
          null,
        ),
        ...(await writtenFragmentStatements({ store, config: BENCH_CONFIG }, slice, new Map())),
        bumpDataVersion(store.db, new Date(BENCH_NOW).toISOString()),
      ]);
    }
    await setup.dispose();
    const calendar = '/calendar.de.ics';
    const oneEvent = `/events/${events[0]?.id}.ics`;
    const first = async (path: string, encoding: string): Promise<Sample> => {
      const mf = instance();
      await mf.ready;
      const cpu0 = workerdCpuMs();
      const t0 = performance.now();
      const res = await mf.dispatchFetch(`http://localhost${path}`, { headers: { 'Accept-Encoding': encoding } });
      const bytes = (await res.arrayBuffer()).byteLength;
      const sample = {
        ms: performance.now() - t0,
        cpuMs: workerdCpuMs() - cpu0,
        bytes,
      };
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      // The isolate's work after the answer (storing what it built) ends with it.
      await new Promise((resume) => setTimeout(resume, 300));
      await mf.dispose();
      return sample;
    };
    // An earlier isolate built and stored the documents.
    for (const encoding of ['identity', 'gzip']) {
      await first(calendar, encoding);
      await first(oneEvent, encoding);
    }
    const samples = { identity: [] as Sample[], gzip: [] as Sample[], oneEvent: [] as Sample[] };
    for (let i = 0; i < ROUNDS; i++) {
      samples.identity.push(await first(calendar, 'identity'));
      samples.gzip.push(await first(calendar, 'gzip'));
      samples.oneEvent.push(await first(oneEvent, 'identity'));
    }
    return {
      events: EVENTS,
      rounds: ROUNDS,
      calendarBytes: samples.identity[0]?.bytes ?? 0,
      calendar: { identity: stats(samples.identity), gzip: stats(samples.gzip) },
      oneEvent: stats(samples.oneEvent),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) console.log(JSON.stringify(await benchWorkersFresh(), null, 2));
