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
}

/** The changes feed model, newest change first. */
export function buildChangesFeed(changes: readonly ChangeEntry[], meta: ChangesFeedMeta): Feed {
  const { lang } = meta;
  const w = words(lang).changes;
  const feed = new Feed({
    id: meta.selfUrl,
    title: meta.title,
    link: `${meta.publicUrl}/?lang=${lang}`,
    language: lang,
    updated: new Date(changes[0]?.at ?? meta.emptyUpdated),
    generator: 'isa-calendar',
    feedLinks: { atom: meta.selfUrl },
  });
  for (const change of changes) {
    const kind = changeKind(change);
    const title = pickText(change.after.title, lang)?.text ?? change.after.id;
    const after = describeEventTime(change.after, lang);
    const before = change.before && kind === 'moved' ? describeEventTime(change.before, lang) : null;
    const p = (label: string, text: string) => `<p>${escapeHtml(label)}: ${escapeHtml(withoutUnsafeCharacters(text))}</p>`;
    feed.addItem({
      title: withoutUnsafeCharacters(`${w[kind]}: ${title}`),
      id: `tag:${meta.uidDomain},2016:change:${change.seq}`,
      link: `${meta.publicUrl}/events/${change.after.id}?lang=${lang}`,
      date: new Date(change.at),
      published: new Date(change.at),
      content: [before ? p(w.before, before) : '', p(before ? w.now : w[kind], after)].join(''),
    });
  }
  return feed;
}
