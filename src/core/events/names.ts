/**
 * @module names
 * How calendars, feeds and event titles are named for people, from the word catalogue.
 */
import { words } from '../i18n/catalogue.js';
import type { EventRecord, EventStatus, Lang, Selection } from '../model.js';

/**
 * "ISA – Köln", "ISA – all events", with filters: "ISA – Köln (Plenarversammlung, Messe, deutsche Mitglieder,
 * ohne verwandte Termine)".
 */
export function calendarName(lang: Lang, placeName: string | null, selection: Selection = {}): string {
  const w = words(lang);
  const base = `${w.site.alliance} – ${placeName ?? w.site.allEvents}`;
  const filters = [
    ...(selection.kinds ?? []).map((k) => w.kinds[k]),
    selection.audience ? w.selection.audiences[selection.audience] : null,
    selection.related === 'exclude' ? w.selection.withoutRelated : selection.related === 'only' ? w.selection.onlyRelated : null,
  ].filter((part): part is string => part !== null);
  return filters.length > 0 ? `${base}${w.time.open}${filters.join(w.time.comma)}${w.time.close}` : base;
}

/** What leads an event's title for its status: "Abgesagt: ", "Vorläufig: " or nothing. */
export function statusPrefix(status: EventStatus, lang: Lang): string {
  const w = words(lang).event;
  return status === 'cancelled' ? w.cancelledPrefix : status === 'tentative' ? w.tentativePrefix : '';
}

/** What an event's text says before its description: why it was cancelled, that it is a related item, and whom it is for. */
export function eventNotes(event: Pick<EventRecord, 'related' | 'audience' | 'status' | 'cancelReason'>, lang: Lang): string[] {
  const w = words(lang);
  return [
    ...(event.status === 'cancelled' && event.cancelReason ? [`${w.event.cancelReason}${event.cancelReason}`] : []),
    ...(event.related ? [w.event.relatedNote] : []),
    ...(event.audience ? [`${w.event.audience}${w.selection.audiences[event.audience]}`] : []),
  ];
}

/** An event's categories for people (name) and programs (term): its kind, and `related` for a related item. */
export function eventCategories(event: Pick<EventRecord, 'kind' | 'related'>, lang: Lang): Array<{ name: string; term: string }> {
  const w = words(lang);
  return [{ name: w.kinds[event.kind], term: event.kind }, ...(event.related ? [{ name: w.event.related, term: 'related' }] : [])];
}
