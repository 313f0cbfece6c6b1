/**
 * @module changes-feed
 * What changed, as feed items: created, moved (times or zone changed), changed otherwise, cancelled,
 * reinstated — each with the times before and after on both sides ("moved from 09:00 to 14:00 CST").
 */
import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import { pickText } from '../events/localize.js';
import { words } from '../i18n/catalogue.js';
import type { EventRecord, Lang } from '../model.js';
import { eventPagePath, homePath } from '../site-paths.js';
import { withoutUnsafeCharacters } from '../text/safe-text.js';
import { describeEventTime } from '../time/event-time-text.js';

export type ChangeKind = 'created' | 'moved' | 'changed' | 'cancelled' | 'reinstated';

/** A recorded change as the feed and the API show it. */
export interface ChangeEntry {
  readonly seq: number;
  readonly action: 'created' | 'changed' | 'cancelled' | 'reinstated';
  readonly at: string;
  readonly before: EventRecord | null;
  readonly after: EventRecord;
}

/** An event removed for good: only when, nothing of what it was. */
export interface RemovalEntry {
  readonly seq: number;
  readonly action: 'purged';
  readonly at: string;
}

/** Whether a change moved the event: its times or its zone differ. */
export function isMove(before: EventRecord | null, after: EventRecord): boolean {
  if (!before) return false;
  const times = (e: EventRecord) => JSON.stringify([e.start, e.end, e.timeZone]);
  return times(before) !== times(after);
}

/** The kind of a change, telling moves apart from other edits. */
export function changeKind(change: ChangeEntry): ChangeKind {
  return change.action === 'changed' && isMove(change.before, change.after) ? 'moved' : change.action;
}

export interface ChangesFeedMeta {
  readonly lang: Lang;
  readonly title: string;
  readonly uidDomain: string;
  readonly publicUrl: string;
  readonly selfUrl: string;
  /** The feed's date when nothing changed yet (the data's last change), never the clock. */
  readonly emptyUpdated: string;
  /** Told of each change left out because its event cannot be rendered. */
  readonly onLeftOut?: (seq: number, error: unknown) => void;
}

/** The time of an event for people, or null when it cannot be told (a row no write produces today). */
function timeOrNull(event: EventRecord, lang: Lang): string | null {
  try {
    return describeEventTime(event, lang);
  } catch {
    return null;
  }
}

/** The changes feed model, newest change first. */
export function buildChangesFeed(changes: ReadonlyArray<ChangeEntry | RemovalEntry>, meta: ChangesFeedMeta): Feed {
  const { lang } = meta;
  const w = words(lang).changes;
  const items: Array<Parameters<Feed['addItem']>[0]> = [];
  for (const change of changes) {
    if (change.action === 'purged') {
      const date = new Date(change.at);
      items.push({
        title: w.removed,
        id: `tag:${meta.uidDomain},2016:change:${change.seq}`,
        link: `${meta.publicUrl}${homePath(lang)}`,
        date,
        published: date,
        content: `<p>${escapeHtml(w.removedNote)}</p>`,
      });
      continue;
    }
    const kind = changeKind(change);
    const title = pickText(change.after.title, lang)?.text ?? change.after.id;
    const after = timeOrNull(change.after, lang);
    const date = new Date(change.at);
    if (after === null || Number.isNaN(date.getTime())) {
      meta.onLeftOut?.(change.seq, new RangeError(after === null ? 'its time cannot be told' : 'no valid date'));
      continue;
    }
    // A before that cannot be told (a change repairing a broken row) is left out of the item, not the item.
    const before = change.before && kind === 'moved' ? timeOrNull(change.before, lang) : null;
    const p = (label: string, text: string) => `<p>${escapeHtml(label)}: ${escapeHtml(withoutUnsafeCharacters(text))}</p>`;
    items.push({
      title: withoutUnsafeCharacters(`${w[kind]}: ${title}`),
      id: `tag:${meta.uidDomain},2016:change:${change.seq}`,
      link: `${meta.publicUrl}${eventPagePath(change.after.id, lang)}`,
      date,
      published: date,
      content: [before ? p(w.before, before) : '', p(before ? w.now : w[kind], after)].join(''),
    });
  }
  const feed = new Feed({
    id: meta.selfUrl,
    title: meta.title,
    link: `${meta.publicUrl}${homePath(lang)}`,
    language: lang,
    updated: items[0]?.date ?? new Date(meta.emptyUpdated),
    generator: 'isa-calendar',
    feedLinks: { atom: meta.selfUrl },
  });
  for (const item of items) feed.addItem(item);
  return feed;
}
