/**
 * The Node server at size (issue: render once per change): 50,000 events over 48 cities, every calendar and feed
 * in three languages warmed, then
 * - its resident memory and the bytes its document cache holds, against the configured budget;
 * - the server CPU of each calendar on the warm path, against the floor of its bytes (one prepared statement
 *   reading its fragments and concatenating them);
 * - the polls one core answers per second, 200s (brotli) and 304s, over every document.
 * The server runs in its own process on core 1, the load generator on core 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SET } from '../seeds/index.js';
import { generatedEvents, storedEvents } from './data.js';
import { percentiles } from './machine.js';
import { type Child, measuredGet, onCoreZero, pooledGet, startChild } from './processes.js';

const OURS = new URL('..', import.meta.url).pathname;
const ACCEPT = { 'Accept-Encoding': 'gzip, deflate, br' };
const LANGS = ['de', 'en', 'zh'] as const;

export interface CapacityBench {
  readonly events: number;
  readonly cities: number;
  readonly documents: number;
  readonly memory: { readonly rss: number; readonly cacheBytes: number; readonly budget: number };
  /** Per calendar on the warm path: server CPU of a GET against the floor of its bytes (µs); the worst ratio. */
  readonly warm: { readonly calendars: number; readonly worstRatio: number; readonly worst: string; readonly medianRatio: number };
  readonly polls: { readonly ok: PollRate; readonly notModified: PollRate };
}

interface PollRate {
  readonly requests: number;
  readonly cpuPerRequestUs: number;
  /** 1 s of one core ÷ CPU per request. */
  readonly perCoreSecond: number;
}

/** Sends the paths round-robin at fixed concurrency; server CPU per request. */
async function pollAll(
  child: Child,
  paths: readonly string[],
  count: number,
  etags: ReadonlyMap<string, string> | null,
): Promise<PollRate> {
  let sent = 0;
  const cpu0 = await child.cpu();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (sent < count) {
        const path = paths[sent++ % paths.length] as string;
        const res = await pooledGet(`${child.url}${path}`, { ...ACCEPT, ...(etags && { 'If-None-Match': etags.get(path) ?? '' }) });
        await res.arrayBuffer();
        if (res.status !== (etags ? 304 : 200)) throw new Error(`${path}: ${res.status}`);
      }
    }),
  );
  const cpuPerRequestUs = ((await child.cpu()) - cpu0) / count;
  return { requests: count, cpuPerRequestUs, perCoreSecond: 1_000_000 / cpuPerRequestUs };
}

export async function benchCapacity(count = 50_000, cityCount = 48, requests = 20_000): Promise<CapacityBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-capacity-'));
  try {
    const cities = SEED_SET.cities.slice(0, cityCount);
    const path = join(dir, 'capacity.sqlite');
    await (await storedEvents(path, generatedEvents(count, cities))).close();
    const bases = ['', ...cities.map((c) => `/cities/${c.slug}`)];
    const paths = bases.flatMap((base) =>
      LANGS.flatMap((lang) => ['ics', 'rss', 'atom', 'json'].map((ext) => `${base}/${ext === 'ics' ? 'calendar' : 'feed'}.${lang}.${ext}`)),
    );
    return await onCoreZero(async () => {
      const server = await startChild('app', [OURS, path]);
      const floor = await startChild('floor', [path]);
      try {
        // Twice: each document's compressed bodies are made after its first answer.
        for (let round = 0; round < 2; round++) for (const p of paths) await (await pooledGet(`${server.url}${p}`, ACCEPT)).arrayBuffer();
        const etags = new Map<string, string>();
        for (const p of paths)
          etags.set(p, (await fetch(`${server.url}${p}`, { method: 'HEAD', headers: ACCEPT })).headers.get('etag') ?? '');
        const memory = await server.memory();
        const ratios: Array<{ path: string; ratio: number }> = [];
        for (const base of bases) {
          for (const lang of LANGS) {
            const p = `${base}/calendar.${lang}.ics`;
            const city = base.split('/')[2];
            const floors: number[] = [];
            const ours: number[] = [];
            for (let i = 0; i < 3; i++) {
              floors.push((await floor.floor(city ? `${lang}:${city}` : lang)).cpuUs);
              ours.push((await measuredGet(server, p, ACCEPT)).cpuUs);
            }
            ratios.push({ path: p, ratio: percentiles(ours).p50 / percentiles(floors).p50 });
          }
        }
        const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
        return {
          events: count,
          cities: cityCount,
          documents: paths.length,
          memory: { rss: memory.rss, cacheBytes: memory.cache?.bytes ?? 0, budget: memory.cache?.budget ?? 0 },
          warm: {
            calendars: ratios.length,
            worstRatio: worst.ratio,
            worst: worst.path,
            medianRatio: percentiles(ratios.map((r) => r.ratio)).p50,
          },
          polls: { ok: await pollAll(server, paths, requests, null), notModified: await pollAll(server, paths, requests, etags) },
        };
      } finally {
        await server.stop();
        await floor.stop();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
