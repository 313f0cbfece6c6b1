/**
 * A start with 10,000 stored events (issue: render once per change), each side in its own server process,
 * measured in one run against the floor and the baseline (the code before the pipeline, bench/baseline.ts):
 * - the server CPU of the first `/calendar.ics` after a start: with the documents stored by an earlier run, and
 *   with only the events' fragments stored; the floor is one prepared statement reading the same fragments
 *   and concatenating them;
 * - a poll of another, already kept document while that first calendar is being made, against the same poll
 *   when nothing else runs;
 * - warming every calendar and feed (every city and all events, three languages) after a start.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SET } from '../seeds/index.js';
import { checkoutBaseline } from './baseline.js';
import { generatedEvents, storedEvents } from './data.js';
import { percentiles } from './machine.js';
import { type Child, measuredGet, onCoreZero, startChild, timedGet } from './processes.js';

const OURS = new URL('..', import.meta.url).pathname;
const IDENTITY = { 'Accept-Encoding': 'identity' };
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br' };

/** Every calendar and feed of every city and of all events, in three languages. */
export function documentPaths(): string[] {
  const bases = ['', ...SEED_SET.cities.map((c) => `/cities/${c.slug}`)];
  return bases.flatMap((base) =>
    ['de', 'en', 'zh'].flatMap((lang) =>
      ['ics', 'rss', 'atom', 'json'].map((ext) => `${base}/${ext === 'ics' ? 'calendar' : 'feed'}.${lang}.${ext}`),
    ),
  );
}

interface FirstRequest {
  readonly cpuUs: number;
  readonly ms: number;
  readonly bytes: number;
}

interface PollDuring {
  readonly idle: { p50: number; p95: number };
  readonly during: { p50: number; p95: number; max: number; count: number; failures: number };
  /** Whether the cold document arrived whole. */
  readonly coldAnswered: boolean;
}

interface Side {
  readonly first: FirstRequest;
  readonly poll: PollDuring;
  /** Server CPU (ms) for warming every document once after a start. */
  readonly warmCpuMs: number;
  readonly warmDocuments: number;
}

export interface ColdStartBench {
  readonly events: number;
  readonly baselineCommit: string;
  readonly floor: { cpuUs: number; ms: number; bytes: number };
  readonly oursStored: Side;
  readonly oursFragments: Side;
  readonly baseline: Side;
  /** The first calendar with a browser's Accept-Encoding (compressed answer), documents stored / fragments only. */
  readonly oursCompressed: { stored: FirstRequest; fragments: FirstRequest };
}

/**
 * Polls `other` one after another while `cold` is being answered; the latencies of those polls (ms), and the
 * polls and cold answers that failed (the baseline resets connections while it renders). The cold request comes
 * from another process (curl), so reading its large answer does not hold up the polling client.
 */
async function pollWhile(child: Child, cold: string, other: string): Promise<PollDuring> {
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) idle.push((await timedGet(`${child.url}${other}`, IDENTITY)).ms);
  const during: number[] = [];
  let failures = 0;
  let done = false;
  const coldRequest = new Promise<boolean>((finished) =>
    execFile('curl', ['-sf', '-o', '/dev/null', '-H', 'Accept-Encoding: identity', `${child.url}${cold}`], (error) => finished(!error)),
  ).finally(() => {
    done = true;
  });
  while (!done) {
    const t0 = performance.now();
    try {
      during.push((await timedGet(`${child.url}${other}`, IDENTITY, false)).ms);
    } catch {
      // A reset connection: counted, and its time until the reset kept.
      failures++;
      during.push(performance.now() - t0);
    }
  }
  const coldAnswered = await coldRequest;
  return {
    idle: percentiles(idle),
    during: { ...percentiles(during), max: Math.max(...during), count: during.length, failures },
    coldAnswered,
  };
}

/** Runs `work` against a server of `root` started fresh on a copy of `database`, and stops it. */
async function onFreshCopy<T>(root: string, database: string, scratch: string, work: (child: Child) => Promise<T>): Promise<T> {
  copyFileSync(database, scratch);
  const child = await startChild('app', [root, scratch]);
  try {
    return await work(child);
  } finally {
    await child.stop();
  }
}

/** One side: a fresh server on a copy of `database`; its first calendar, a poll during a cold one, then warming. */
async function side(root: string, database: string, scratch: string): Promise<Side> {
  const paths = documentPaths();
  const first = await onFreshCopy(root, database, scratch, (child) => measuredGet(child, '/calendar.de.ics', IDENTITY));
  const poll = await onFreshCopy(root, database, scratch, async (child) => {
    // The other document is kept; the cold one is the whole calendar in English, not built yet.
    await timedGet(`${child.url}/cities/koeln/calendar.de.ics`, IDENTITY);
    return pollWhile(child, '/calendar.en.ics', '/cities/koeln/calendar.de.ics');
  });
  const warmCpuMs = await onFreshCopy(root, database, scratch, async (child) => {
    const cpu0 = await child.cpu();
    for (const path of paths) {
      const res = await timedGet(`${child.url}${path}`, BROWSER);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    }
    return ((await child.cpu()) - cpu0) / 1000;
  });
  return { first, poll, warmCpuMs, warmDocuments: paths.length };
}

export async function benchColdStart(count = 10_000): Promise<ColdStartBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-cold-'));
  const baseline = checkoutBaseline();
  try {
    const fragments = join(dir, 'fragments.sqlite');
    await (await storedEvents(fragments, generatedEvents(count))).close();
    // The same data after an earlier run served (and so stored) every document.
    const stored = join(dir, 'stored.sqlite');
    copyFileSync(fragments, stored);
    const warmer = await startChild('app', [OURS, stored]);
    for (const path of documentPaths()) await timedGet(`${warmer.url}${path}`, BROWSER);
    // Twice: the compressed bodies of each are stored after its first answer.
    for (const path of documentPaths()) await timedGet(`${warmer.url}${path}`, BROWSER);
    await warmer.stop();
    const baseDb = join(dir, 'baseline.sqlite');
    baseline.database(baseDb, count);

    return await onCoreZero(async () => {
      const floorChild = await startChild('floor', [fragments]);
      const floors: Array<{ ms: number; cpuUs: number; bytes: number }> = [];
      for (let i = 0; i < 7; i++) floors.push(await floorChild.floor('de'));
      await floorChild.stop();
      const floor = {
        cpuUs: percentiles(floors.map((f) => f.cpuUs)).p50,
        ms: percentiles(floors.map((f) => f.ms)).p50,
        bytes: floors[0]?.bytes ?? 0,
      };
      const scratch = join(dir, 'scratch.sqlite');
      const compressedFirst = (database: string) =>
        onFreshCopy(OURS, database, scratch, (child) => measuredGet(child, '/calendar.de.ics', BROWSER));
      return {
        events: count,
        baselineCommit: baseline.commit,
        floor,
        oursStored: await side(OURS, stored, scratch),
        oursFragments: await side(OURS, fragments, scratch),
        baseline: await side(baseline.root, baseDb, scratch),
        oursCompressed: { stored: await compressedFirst(stored), fragments: await compressedFirst(fragments) },
      };
    });
  } finally {
    baseline.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}
