/**
 * Resident memory of the Node server under a stranger's requests: after warming every real document once
 * (the baseline), then after 20,000 requests with distinct query strings and city spellings — the kind of
 * load that grew the server from 251 MB to 2.8 GB before the caches were keyed by the resolved city and
 * bounded by bytes. Goal: the caches' own byte counts stay within their budget, and resident memory grows by
 * no more than that budget plus 64 MB. The server runs in its own process (`--expose-gc`; measured after a
 * full collection); requests are sequential on loopback, bounded in number.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SET } from '../seeds/index.js';
import { exportPaths } from '../src/cli/export.js';
import { generatedEvents, storedEvents } from './data.js';
import { startChild } from './processes.js';

const OURS = new URL('..', import.meta.url).pathname;

interface Memory {
  readonly rss: number;
  readonly cache: { readonly bytes: number; readonly budget: number };
}

export interface MemoryBench {
  readonly events: number;
  readonly warmPaths: number;
  readonly requests: number;
  readonly warm: Memory;
  readonly after: Memory;
  readonly statuses: Record<string, number>;
}

/** Spellings of city names as strangers type them: cases, dashes, apostrophes, other scripts, unknown names. */
function spellings(i: number): string {
  const city = SEED_SET.cities[i % SEED_SET.cities.length];
  const name = [city?.slug, city?.name.de, city?.name.zh, city?.name.en][i % 4] ?? 'foshan';
  const variants = [name, name.toUpperCase(), `${name}-`, `${name}'`, `-${name}`, ` ${name} `, `${name}${i}`, `x${i}`];
  return encodeURIComponent(variants[i % variants.length] ?? name);
}

/** The i-th request of the stranger's load: every one a distinct URL. */
function strangerPath(i: number): string {
  const kinds = Array.from({ length: 1 + (i % 12) }, () => 'fair').join(i % 2 ? ',' : '+');
  switch (i % 6) {
    case 0:
      return `/cities/${spellings(i)}/calendar.ics?n=${i}`;
    case 1:
      return `/cities/${spellings(i)}/feed.${kinds.includes('+') ? `${kinds}.` : ''}atom?lang=zh&n=${i}`;
    case 2:
      return `/feed.json?kind=${kinds.replace(/\+/g, ',')}&n=${i}`;
    case 3:
      return `/api/v1/events?city=${spellings(i)}&from=2027-0${1 + (i % 9)}-01&n=${i}`;
    case 4:
      return `/cities/${spellings(i)}?lang=${['de', 'en', 'zh'][i % 3]}&n=${i}`;
    default:
      return `/events/gen-${i % 500}?n=${i}`;
  }
}

export async function benchMemory(events = 5_000, requests = 20_000): Promise<MemoryBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-mem-'));
  const path = join(dir, 'memory.sqlite');
  await (await storedEvents(path, generatedEvents(events))).close();
  const child = await startChild('app', [OURS, path]);
  try {
    const { url } = child;
    const memory = async () => (await child.memory()) as Memory;
    const statuses: Record<string, number> = {};
    const get = async (p: string) => {
      const res = await fetch(`${url}${p}`);
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    };
    const warmPaths = exportPaths({ citySlugs: SEED_SET.cities.map((c) => c.slug), events: [] });
    for (const p of warmPaths) await get(p);
    const warm = await memory();
    for (const key of Object.keys(statuses)) delete statuses[key];
    for (let i = 0; i < requests; i++) await get(strangerPath(i));
    const after = await memory();
    return { events, warmPaths: warmPaths.length, requests, warm, after, statuses };
  } finally {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
