/**
 * @module generate-holidays
 * `npm run generate:holidays`: writes src/core/holidays/holiday-table.json, the public holidays of China and
 * of Germany and its 16 states from FIRST_YEAR to LAST_YEAR, as compact tables for both runtimes (the packages
 * themselves, with every country's rules and the Chinese calendar, are far too large for the Worker).
 * - China, the years of the State Council's announcements: `chinese-days` (days off, and the weekend days made
 *   working days, 调休); after its last year, the statutory days by rule from `date-holidays`, without shifted
 *   working days (those are unknown until the announcement reaches the package).
 * - Germany: `date-holidays`, public holidays of the whole country and of each state (days of single
 *   communities, such as Mariä Himmelfahrt in Bavaria's Catholic ones, are left out: they are not the state's).
 * Run it after updating either package; test/cli/generate-holidays.test.ts fails while the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Holidays from 'date-holidays';
import { GERMAN_STATES, HOLIDAY_KEYS, type HolidayKey } from '../core/holidays/holiday-keys.js';
import type { HolidayTable } from '../core/holidays/holidays.js';
import { isEntryPoint } from './entry-point.js';

export const HOLIDAY_TABLE_FILE = new URL('../core/holidays/holiday-table.json', import.meta.url);

export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2035;

/** Our key for a holiday by its English name in either package. */
const CN_KEYS: Record<string, HolidayKey> = {
  "New Year's Day": 'cn-new-year',
  'Spring Festival': 'cn-spring-festival',
  'Tomb-sweeping Day': 'cn-qingming',
  'Qingming Festival': 'cn-qingming',
  'Labour Day': 'cn-labour-day',
  'Dragon Boat Festival': 'cn-dragon-boat',
  'Mid-autumn Festival': 'cn-mid-autumn',
  'Mid-Autumn Festival': 'cn-mid-autumn',
  'National Day': 'cn-national-day',
  'Anti-Fascist 70th Day': 'cn-victory-day',
};
const DE_KEYS: Record<string, HolidayKey> = {
  "New Year's Day": 'de-new-year',
  Epiphany: 'de-epiphany',
  "International Women's Day": 'de-womens-day',
  'Good Friday': 'de-good-friday',
  'Easter Sunday': 'de-easter-sunday',
  'Easter Monday': 'de-easter-monday',
  'Labour Day': 'de-labour-day',
  'Ascension Day': 'de-ascension',
  Pentecost: 'de-whit-sunday',
  'Whit Monday': 'de-whit-monday',
  'Corpus Christi': 'de-corpus-christi',
  Assumption: 'de-assumption',
  "International Children's Day": 'de-childrens-day',
  'Liberation Day (75th Anniversary)': 'de-liberation-day',
  'Liberation Day (80th Anniversary)': 'de-liberation-day',
  '75th anniversary of the GDR uprising': 'de-uprising-1953',
  'National Holiday': 'de-unity-day',
  'Reformation Day': 'de-reformation-day',
  "All Saints' Day": 'de-all-saints',
  'Day of Prayer and Repentance': 'de-repentance-day',
  'Christmas Day': 'de-christmas-day',
  'Boxing Day': 'de-boxing-day',
};

const require = createRequire(import.meta.url);
/** A package's version, from its package.json (their exports name none). */
function versionOf(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(`node_modules/${name}`)) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function keyOf(table: Record<string, HolidayKey>, name: string, where: string): HolidayKey {
  const key = table[name];
  if (!key || !HOLIDAY_KEYS.includes(key))
    throw new Error(`${where}: no key for the holiday "${name}"; add it to generate-holidays.ts and the catalogues`);
  return key;
}

/** Consecutive dates as spans `YYYY-MM-DD` or `YYYY-MM-DD+n` (n days). */
function spans(dates: readonly string[]): string[] {
  const out: Array<{ start: string; days: number; last: number }> = [];
  for (const date of [...dates].sort()) {
    const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    const open = out.at(-1);
    if (open && open.last === day - 1) {
      open.days += 1;
      open.last = day;
    } else out.push({ start: date, days: 1, last: day });
  }
  return out.map((s) => (s.days === 1 ? s.start : `${s.start}+${s.days}`));
}

/** Adds a date under a key in a map of lists. */
function add<K>(map: Map<K, string[]>, key: K, date: string) {
  const list = map.get(key);
  if (list) list.push(date);
  else map.set(key, [date]);
}

/** China: the announced schedule, then the statutory days by rule. */
function china(): { holidays: HolidayTable['CN']; scheduleUntil: string } {
  const schedule = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const lastScheduled = Math.max(...Object.keys(schedule.holidays).map((d) => Number(d.slice(0, 4))));
  const off = new Map<HolidayKey, string[]>();
  const work = new Map<HolidayKey, string[]>();
  const inRange = (date: string) => Number(date.slice(0, 4)) >= FIRST_YEAR && Number(date.slice(0, 4)) <= LAST_YEAR;
  for (const [date, value] of Object.entries(schedule.holidays))
    if (inRange(date)) add(off, keyOf(CN_KEYS, value.split(',')[0] ?? '', `chinese-days ${date}`), date);
  for (const [date, value] of Object.entries(schedule.workdays))
    if (inRange(date)) add(work, keyOf(CN_KEYS, value.split(',')[0] ?? '', `chinese-days ${date}`), date);
  const rules = new Holidays('CN', { languages: ['en'], timezone: 'Asia/Shanghai' });
  for (let year = lastScheduled + 1; year <= LAST_YEAR; year++) {
    // Public days for everyone: the half days of some groups (women, youth, the army) carry a note.
    for (const h of rules.getHolidays(year))
      if (h.type === 'public' && !(h as { note?: string }).note)
        add(off, keyOf(CN_KEYS, h.name, `date-holidays CN ${year}`), h.date.slice(0, 10));
  }
  const holidays: Record<string, { off: string[]; work?: string[] }> = {};
  for (const key of HOLIDAY_KEYS) {
    const days = off.get(key);
    const working = work.get(key);
    if (days) holidays[key] = { off: spans(days), ...(working && { work: [...working].sort() }) };
  }
  return { holidays, scheduleUntil: `${lastScheduled}-12-31` };
}

/** Germany: each public holiday's dates, under the states that keep it (`*` for all 16). */
function germany(): HolidayTable['DE'] {
  const byKey = new Map<HolidayKey, Map<string, Set<string>>>();
  for (const state of GERMAN_STATES) {
    const rules = new Holidays('DE', state.slice(3), { languages: ['en'], timezone: 'Europe/Berlin' });
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (const h of rules.getHolidays(year)) {
        if (h.type !== 'public') continue;
        const key = keyOf(DE_KEYS, h.name, `date-holidays DE-${state} ${year}`);
        const dates = byKey.get(key) ?? new Map<string, Set<string>>();
        byKey.set(key, dates);
        const date = h.date.slice(0, 10);
        dates.set(date, (dates.get(date) ?? new Set()).add(state));
      }
    }
  }
  const out: Record<string, Record<string, string[]>> = {};
  for (const key of HOLIDAY_KEYS) {
    const dates = byKey.get(key);
    if (!dates) continue;
    const byStates = new Map<string, string[]>();
    for (const [date, states] of [...dates].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const where = states.size === GERMAN_STATES.length ? '*' : [...states].sort().join(' ');
      add(byStates, where, date);
    }
    out[key] = Object.fromEntries([...byStates].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return out;
}

/** The table file's text. */
export function holidayTableJson(): string {
  const cn = china();
  const table: HolidayTable = {
    source: `chinese-days ${versionOf('chinese-days')}, date-holidays ${versionOf('date-holidays')}`,
    firstYear: FIRST_YEAR,
    lastYear: LAST_YEAR,
    scheduleUntil: cn.scheduleUntil,
    CN: cn.holidays,
    DE: germany(),
  };
  return `${JSON.stringify(table)}\n`;
}

if (isEntryPoint(import.meta.url)) {
  const text = holidayTableJson();
  writeFileSync(HOLIDAY_TABLE_FILE, text);
  console.log(`wrote ${HOLIDAY_TABLE_FILE.pathname} (${text.length} bytes)`);
}
