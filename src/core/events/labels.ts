/**
 * @module labels
 * Words shown to people about events, in German, English and Chinese.
 */
import type { EventKind, Lang } from '../model.js';

export const KIND_LABELS: Record<EventKind, Record<Lang, string>> = {
  'member-meeting': { de: 'Mitgliedertreffen', en: 'Member meeting', zh: '成员会议' },
  plenary: { de: 'Plenarversammlung', en: 'Plenary assembly', zh: '全体大会' },
  delegation: { de: 'Delegationsreise', en: 'Delegation', zh: '代表团访问' },
  conference: { de: 'Konferenz', en: 'Conference', zh: '会议' },
  fair: { de: 'Messe', en: 'Fair', zh: '博览会' },
  visit: { de: 'Besuch', en: 'Visit', zh: '参观访问' },
  founding: { de: 'Gründung', en: 'Founding', zh: '成立' },
  other: { de: 'Sonstiges', en: 'Other', zh: '其他' },
};

/** Prefix for a cancelled event's title: Outlook shows no state for a cancelled published event. */
export const CANCELLED_PREFIX: Record<Lang, string> = { de: 'Abgesagt: ', en: 'Cancelled: ', zh: '已取消：' };

export const TENTATIVE_PREFIX: Record<Lang, string> = { de: 'Vorläufig: ', en: 'Tentative: ', zh: '待定：' };

export const WORDS: Record<Lang, { source: string; details: string; more: string; allEvents: string; alliance: string }> = {
  de: { source: 'Quelle: ', details: 'Details: ', more: 'Mehr: ', allEvents: 'alle Termine', alliance: 'ISA' },
  en: { source: 'Source: ', details: 'Details: ', more: 'More: ', allEvents: 'all events', alliance: 'ISA' },
  zh: { source: '来源：', details: '详情：', more: '更多：', allEvents: '全部活动', alliance: 'ISA' },
};

/** "ISA – Köln", "ISA – all events", with kinds: "ISA – Köln (Plenarversammlung, Messe)". */
export function calendarName(lang: Lang, placeName: string | null, kinds: readonly EventKind[] | undefined): string {
  const base = `${WORDS[lang].alliance} – ${placeName ?? WORDS[lang].allEvents}`;
  return kinds?.length ? `${base} (${kinds.map((k) => KIND_LABELS[k][lang]).join(', ')})` : base;
}
