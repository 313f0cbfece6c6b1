/**
 * @module names
 * How calendars, feeds and event titles are named for people, from the word catalogue.
 */
import { words } from '../i18n/catalogue.js';
import type { EventKind, EventStatus, Lang } from '../model.js';

/** "ISA – Köln", "ISA – all events", with kinds: "ISA – Köln (Plenarversammlung, Messe)". */
export function calendarName(lang: Lang, placeName: string | null, kinds: readonly EventKind[] | undefined): string {
  const w = words(lang);
  const base = `${w.site.alliance} – ${placeName ?? w.site.allEvents}`;
  return kinds?.length ? `${base} (${kinds.map((k) => w.kinds[k]).join(', ')})` : base;
}

/** What leads an event's title for its status: "Abgesagt: ", "Vorläufig: " or nothing. */
export function statusPrefix(status: EventStatus, lang: Lang): string {
  const w = words(lang).event;
  return status === 'cancelled' ? w.cancelledPrefix : status === 'tentative' ? w.tentativePrefix : '';
}
