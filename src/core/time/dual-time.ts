/**
 * @module dual-time
 * One instant seen on both sides: Germany (Europe/Berlin) and China (Asia/Shanghai), labelled with the
 * zone abbreviation in the reader's language. "CST" is China Standard Time (UTC+8) throughout.
 */
import { DateTime } from 'luxon';
import { words } from '../i18n/catalogue.js';
import type { Lang } from '../model.js';
import { zoneFor } from './intl-offset-zone.js';
import { BERLIN, SHANGHAI } from './zones.js';

export interface ZoneView {
  /** Wall time without offset, `yyyy-MM-ddTHH:mm`. */
  readonly local: string;
  /** UTC offset, `+02:00`. */
  readonly offset: string;
  readonly abbr: string;
}

/** The abbreviation readers expect: MEZ/MESZ in German, CET/CEST otherwise; CST for China; else UTC±h. */
export function zoneAbbreviation(zone: string, offsetMinutes: number, lang: Lang): string {
  if (zone === BERLIN && (offsetMinutes === 60 || offsetMinutes === 120)) {
    const w = words(lang).time;
    return offsetMinutes === 120 ? w.berlinSummer : w.berlinWinter;
  }
  if (zone === SHANGHAI && offsetMinutes === 480) return 'CST';
  return utcLabel(offsetMinutes);
}

/** `UTC+8`, `UTC+5:30`, `UTC−3` (with a real minus sign). */
export function utcLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** How an instant (ms) reads in one zone. */
export function zoneView(instant: number, zone: string, lang: Lang): ZoneView {
  const dt = DateTime.fromMillis(instant, { zone: zoneFor(zone) });
  return { local: dt.toFormat("yyyy-MM-dd'T'HH:mm"), offset: dt.toFormat('ZZ'), abbr: zoneAbbreviation(zone, dt.offset, lang) };
}

/** The instant as an RFC 3339 UTC string without milliseconds. */
export function utcString(instant: number): string {
  return DateTime.fromMillis(instant, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/** Hours by which Shanghai is ahead of Berlin at an instant: 6 in German summer time, 7 in winter. */
export function berlinShanghaiGapHours(instant: number): number {
  const berlin = DateTime.fromMillis(instant, { zone: zoneFor(BERLIN) }).offset;
  const shanghai = DateTime.fromMillis(instant, { zone: zoneFor(SHANGHAI) }).offset;
  return (shanghai - berlin) / 60;
}
