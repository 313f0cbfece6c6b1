/**
 * Feed rendering with 1,000 items, per format, side by side in one run: ours (the one model built from
 * events, then each format with its adapters) against `feed` alone writing the same, already built model.
 */
import { buildFeed } from '../src/core/feeds/build-feed.js';
import { FEED_FORMATS, type FeedFormat, renderFeed } from '../src/core/feeds/render-feed.js';
import { generatedEvents } from './data.js';
import { percentiles } from './machine.js';

export interface FeedBench {
  readonly items: number;
  readonly build: { p50: number; p95: number };
  readonly formats: Record<FeedFormat, { ours: { p50: number; p95: number }; feedAlone: { p50: number; p95: number }; bytes: number }>;
}

/** Renders `rounds` times per format, interleaving ours and the baseline. */
export function benchFeeds(items = 1000, rounds = 30): FeedBench {
  const events = generatedEvents(items);
  const base = 'https://isa.example.org';
  const meta = {
    lang: 'de' as const,
    title: 'ISA – alle Termine',
    uidDomain: 'isa-calendar.invalid',
    publicUrl: base,
    pageUrl: `${base}/?lang=de`,
    feedLinks: { rss: `${base}/feed.de.rss`, atom: `${base}/feed.de.atom`, json: `${base}/feed.de.json` },
    emptyUpdated: '2026-11-27T00:00:00Z',
    sources: new Map(),
    cities: new Map(),
    feedKey: '/feed.de.rss',
  };
  const build: number[] = [];
  const samples = Object.fromEntries(FEED_FORMATS.map((f) => [f, { ours: [] as number[], alone: [] as number[], bytes: 0 }]));
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    const model = buildFeed(events, meta);
    build.push(performance.now() - t0);
    for (const format of FEED_FORMATS) {
      const s = samples[format] as { ours: number[]; alone: number[]; bytes: number };
      t0 = performance.now();
      const out = renderFeed(buildFeed(events, meta), format, 'de');
      s.ours.push(performance.now() - t0);
      s.bytes = out.length;
      t0 = performance.now();
      if (format === 'rss') model.rss2();
      else if (format === 'atom') model.atom1();
      else model.json1();
      s.alone.push(performance.now() - t0);
    }
  }
  const formats = Object.fromEntries(
    FEED_FORMATS.map((f) => {
      const s = samples[f] as { ours: number[]; alone: number[]; bytes: number };
      return [f, { ours: percentiles(s.ours), feedAlone: percentiles(s.alone), bytes: s.bytes }];
    }),
  ) as FeedBench['formats'];
  return { items, build: percentiles(build), formats };
}
