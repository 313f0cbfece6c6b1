/**
 * @module fragments
 * Each event's VEVENT per language, rendered once per revision and stored (fragments table): in the batch of
 * the write that makes the revision, or — for rows written before, or after the catalogue or the render
 * version changed — when a calendar first needs it, in slices that let other requests run.
 */
import type { Compilable } from 'kysely';
import { encodeUtf8 } from '../core/bytes.js';
import { renderVevents } from '../core/calendar/render-ics.js';
import { type EventRecord, LANGS, type Lang, type SourceCatalogue } from '../core/model.js';
import { getEvents } from '../storage/events-repository.js';
import { type StoredFragment, staleFragmentIds, storeFragmentStatements } from '../storage/renderings-repository.js';
import { type DocumentDeps, settingsStamp } from './deps.js';
import type { DocumentCache } from './document-cache.js';
import { reportLeftOut } from './left-out.js';
import { referenceData } from './reference-data.js';
import { RENDER_VERSION } from './render-version.js';

/** Events rendered between two chances for other requests to run: a few milliseconds of `ics`. */
export const RENDER_SLICE = 20;

/** What a fragment shows besides its event: render version, version of the source catalogue, settings. */
export function fragmentStamp(deps: Pick<DocumentDeps, 'config'>, referenceVersion: number): string {
  return `${RENDER_VERSION}|${referenceVersion}|${settingsStamp(deps.config)}`;
}

const NOTHING = new Uint8Array(0);

/**
 * The VEVENT fragments of events in a language. An event that is no calendar entry (month precision) or that
 * cannot be rendered gets an empty fragment, so it is not tried again until it changes.
 */
export async function renderFragments(
  deps: Pick<DocumentDeps, 'config' | 'yieldToOthers' | 'onRender'>,
  records: readonly EventRecord[],
  lang: Lang,
  sources: SourceCatalogue,
  referenceVersion: number,
): Promise<StoredFragment[]> {
  const options = { lang, uidDomain: deps.config.uidDomain, publicUrl: deps.config.publicUrl, sources };
  const stamp = fragmentStamp(deps, referenceVersion);
  const out: StoredFragment[] = [];
  for (let i = 0; i < records.length; i += RENDER_SLICE) {
    if (i > 0) await deps.yieldToOthers?.();
    const slice = records.slice(i, i + RENDER_SLICE);
    const { fragments, failed } = renderVevents(slice, options);
    deps.onRender?.('vevent', fragments.size + failed.length);
    for (const { id, message } of failed) reportLeftOut('calendar', id, message);
    for (const record of slice) {
      const fragment = fragments.get(record.id);
      out.push({
        eventId: record.id,
        lang,
        revision: record.revision,
        stamp,
        tzid: fragment?.tzid ?? null,
        bytes: fragment ? encodeUtf8(fragment.text) : NOTHING,
      });
    }
  }
  return out;
}

/** The statements that store the fragments of events just written, in every language: part of the write's batch. */
export async function writtenFragmentStatements(
  deps: Pick<DocumentDeps, 'config' | 'store' | 'onRender'>,
  records: readonly EventRecord[],
  sources: SourceCatalogue,
): Promise<Compilable[]> {
  const { referenceVersion } = await deps.store.dataVersion();
  const fragments: StoredFragment[] = [];
  for (const lang of LANGS) fragments.push(...(await renderFragments(deps, records, lang, sources, referenceVersion)));
  return storeFragmentStatements(deps.store.db, fragments);
}

/** Entries rendered per round of the refresh: one read, one slice-wise rendering, one stored batch. */
const REFRESH_BATCH = 200;

/**
 * Renders and stores, a batch at a time and in slices, every fragment that is missing or stale — after seeds
 * were loaded, the catalogue changed or a deploy raised the render version — so that calendars find them
 * stored instead of rendering on a request. Returns how many were rendered.
 */
export async function refreshStaleFragments(deps: DocumentDeps, cache: DocumentCache): Promise<number> {
  let rendered = 0;
  for (const lang of LANGS) {
    for (;;) {
      const { referenceVersion } = await deps.store.dataVersion();
      const ids = await staleFragmentIds(deps.store.db, lang, fragmentStamp(deps, referenceVersion), REFRESH_BATCH);
      if (ids.length === 0) break;
      const records = await getEvents(deps.store.db, ids);
      const fragments = await renderFragments(deps, records, lang, (await referenceData(deps, cache)).sources, referenceVersion);
      await deps.store.batch(storeFragmentStatements(deps.store.db, fragments));
      rendered += fragments.length;
      await deps.yieldToOthers?.();
      // Fewer than asked: this language is done (what is left stale was changed meanwhile and will be next time).
      if (ids.length < REFRESH_BATCH) break;
    }
  }
  return rendered;
}
