/**
 * @module refresh
 * The daily refresh: when the UTC day changes, what calendars and feeds hold changes too (cancelled events
 * leave after their grace period; upcoming becomes past). Fetching the main documents once renders them for
 * the new day before subscribers ask (into the edge cache on Workers, into memory on Node). It erases no data.
 */

import { documentFileName } from '../core/document-names.js';
import { LANGS } from '../core/model.js';

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

/** Fetches each path once (reading the body, so it is rendered and kept); returns how many answered 200. */
export async function refreshRenderings(fetchPath: (path: string) => Promise<Response>): Promise<number> {
  let refreshed = 0;
  for (const path of REFRESH_PATHS) {
    const res = await fetchPath(path);
    await res.arrayBuffer();
    if (res.status === 200) refreshed++;
  }
  return refreshed;
}
