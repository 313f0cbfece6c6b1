/**
 * @module refresh
 * The daily refresh: when the UTC day changes, what calendars and feeds hold changes too (cancelled events
 * leave after their grace period; upcoming becomes past). Fetching the main documents once renders them for
 * the new day before subscribers ask (into the edge cache on Workers, into memory on Node), and old rate-limit
 * counters are pruned. It erases no data.
 */
import { LANGS } from '../core/model.js';
import { pruneRateLimits } from '../storage/rate-limits.js';
import type { Store } from '../storage/store.js';
import { documentFileName } from './document-names.js';

/** The documents worth rendering ahead: the whole calendar and the main feeds, in every language. */
export const REFRESH_PATHS: readonly string[] = [
  '/calendar.ics',
  '/feed.rss',
  '/feed.atom',
  '/feed.json',
  ...LANGS.flatMap((lang) => [
    `/${documentFileName('calendar', 'ics', lang)}`,
    ...(['rss', 'atom', 'json'] as const).map((f) => `/${documentFileName('feed', f, lang)}`),
  ]),
];

/** Fetches each path once (reading the body, so it is rendered and kept) and prunes counters older than a day. */
export async function refreshRenderings(fetchPath: (path: string) => Promise<Response>, store: Store, now: number): Promise<number> {
  let refreshed = 0;
  for (const path of REFRESH_PATHS) {
    const res = await fetchPath(path);
    await res.arrayBuffer();
    if (res.status === 200) refreshed++;
  }
  await pruneRateLimits(store.db, now - 86_400_000);
  return refreshed;
}
