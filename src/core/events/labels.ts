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

interface Words {
  readonly source: string;
  readonly details: string;
  readonly more: string;
  readonly place: string;
  readonly allEvents: string;
  readonly alliance: string;
  readonly cancelled: string;
  readonly calendarFile: string;
  readonly feedDescription: string;
}

export const WORDS: Record<Lang, Words> = {
  de: {
    source: 'Quelle: ',
    details: 'Details: ',
    more: 'Mehr: ',
    place: 'Ort: ',
    allEvents: 'alle Termine',
    alliance: 'ISA',
    cancelled: 'Abgesagt',
    calendarFile: 'In den Kalender (.ics)',
    feedDescription: 'Termine der Chinesisch-Deutschen Industriestädteallianz (ISA), mit Zeiten in Deutschland und China',
  },
  en: {
    source: 'Source: ',
    details: 'Details: ',
    more: 'More: ',
    place: 'Place: ',
    allEvents: 'all events',
    alliance: 'ISA',
    cancelled: 'Cancelled',
    calendarFile: 'Add to calendar (.ics)',
    feedDescription: 'Events of the Chinese-German Industrial Cities Alliance (ISA), with times in Germany and China',
  },
  zh: {
    source: '来源：',
    details: '详情：',
    more: '更多：',
    place: '地点：',
    allEvents: '全部活动',
    alliance: 'ISA',
    cancelled: '已取消',
    calendarFile: '添加到日历（.ics）',
    feedDescription: '中德工业城市联盟（ISA）活动，附德国与中国时间',
  },
};

/** "ISA – Köln", "ISA – all events", with kinds: "ISA – Köln (Plenarversammlung, Messe)". */
export function calendarName(lang: Lang, placeName: string | null, kinds: readonly EventKind[] | undefined): string {
  const base = `${WORDS[lang].alliance} – ${placeName ?? WORDS[lang].allEvents}`;
  return kinds?.length ? `${base} (${kinds.map((k) => KIND_LABELS[k][lang]).join(', ')})` : base;
}
