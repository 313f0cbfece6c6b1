/**
 * Outputs as client software nobody here wrote reads them, driven against a real Node server:
 * - calendars in libical (Evolution; resolves TZIDs with the calendar's own VTIMEZONEs, as clients do), python
 *   icalendar and ical.js (Thunderbird): every DTSTART/DTEND is the API's instant, in any zone and year;
 * - feeds in newsboat: subscribed to a city's feed and to the feed of all events, it keeps the items of both.
 * The Debian packages (python3-icalendar, python3-gi, gir1.2-ical-3.0, newsboat) are installed by .ci/run;
 * without them the suite is skipped with a warning, except in CI (CI=true), where it fails.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import { serveForSuite } from './node-server.js';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const INSTANTS = new URL('../fixtures/ical-instants.py', import.meta.url).pathname;
const havePython =
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import icalendar, gi; gi.require_version("ICalGLib", "3.0")']).status === 0;
const haveNewsboat = spawnSync('newsboat', ['--version']).status === 0;
const inCI = process.env.CI === 'true';
for (const [have, what] of [
  [havePython, 'python3-icalendar, python3-gi and gir1.2-ical-3.0'],
  [haveNewsboat, 'newsboat'],
] as const) {
  if (!have && !inCI) console.warn(`SKIPPED part of test/http/real-clients.node.test.ts: ${what} missing (apt-get install)`);
}

interface Instants {
  readonly libical: Record<string, { start: number | string | null; end: number | string | null }>;
  readonly icalendar: Record<string, { start: number | string | null; end: number | string | null }>;
}

/** libical's and python icalendar's reading of a calendar. */
const readInstants = (text: string): Instants =>
  JSON.parse(execFileSync(PYTHON, [INSTANTS], { input: text, encoding: 'utf8' })) as Instants;

const dir = mkdtempSync(join(tmpdir(), 'isa-clients-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('real clients', () => {
  const s = serveForSuite({ ADMIN_TOKEN: WRITE_TOKEN });
  const post = async (body: unknown) => {
    const res = await s.fetch('/api/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status, JSON.stringify(body)).toBe(201);
    return (await res.json()) as { id: string; start: { utc: string }; end: { utc: string } | null };
  };

  it.skipIf(!havePython && !inCI)(
    "regression: zones without their definition and historical dates came out an hour off; every instant is the API's in libical, python icalendar and ical.js",
    async () => {
      const cases = [
        // China had summer time 1986–1991; the VTIMEZONE knows only today's rules.
        ['1990-07-01T10:00', 'Asia/Shanghai'],
        // Until 1995 summer time in Germany ended in September.
        ['1995-10-10T10:00', 'Europe/Berlin'],
        // Zones whose VTIMEZONE carries another name, or whose name ICU writes the old way.
        ['2027-06-01T10:00', 'Europe/Amsterdam'],
        ['2027-06-01T10:00', 'UTC'],
        ['2027-06-01T10:00', 'Asia/Calcutta'],
        ['2027-06-01T10:00', 'Europe/Kiev'],
        ['2027-03-28T10:00', 'America/Sao_Paulo'],
        ['2027-10-24T09:00', 'Asia/Shanghai'],
        ['2027-10-31T02:30', 'Europe/Berlin'],
        ['1975-05-01T12:00', 'America/New_York'],
        ['2100-12-31T23:59', 'Pacific/Kiritimati'],
        ['1900-01-01T00:00', 'Asia/Kolkata'],
      ] as const;
      const written = [];
      for (const [start, timeZone] of cases) {
        written.push(
          await post({
            kind: 'conference',
            title: { en: `${timeZone} ${start}` },
            cities: ['foshan'],
            start,
            end: start.replace(/T\d\d:\d\d$/, 'T23:59'),
            timeZone,
          }),
        );
      }
      const calendar = await (await s.fetch('/calendar.en.ics')).text();
      const clients = readInstants(calendar);
      const icalJs = new Map(parseWithIcalJs(calendar).map((e) => [e.uid.replace(/@.*/, ''), e]));
      for (const event of written) {
        const uid = `${event.id}@isa-calendar.invalid`;
        const start = Date.parse(event.start.utc) / 1000;
        const end = event.end ? Date.parse(event.end.utc) / 1000 : null;
        expect(clients.libical[uid], `libical ${event.id}`).toEqual({ start, end });
        expect(clients.icalendar[uid], `python icalendar ${event.id}`).toEqual({ start, end });
        expect(icalJs.get(event.id)?.start.instant, `ical.js ${event.id}`).toBe(start * 1000);
      }
      // The home zones keep their TZID where the VTIMEZONE is right: Outlook then shows the event's own zone.
      expect(calendar).toMatch(/DTSTART;TZID=Asia\/Shanghai:20271024T090000/);
      expect(calendar).not.toMatch(/TZID=Asia\/Shanghai:19900701/);
      expect(calendar).not.toMatch(/TZID=Europe\/Amsterdam|TZID=UTC|TZID=Asia\/Calcutta|TZID=Europe\/Kiev/);
    },
  );

  it.skipIf(!havePython && !inCI)('regression: the calendar name was not TEXT-escaped; python icalendar reads it back whole', async () => {
    const text = await (await s.fetch('/calendar.ics?kind=conference,delegation')).text();
    const read = execFileSync(
      PYTHON,
      ['-c', "import sys, icalendar; c = icalendar.Calendar.from_ical(sys.stdin.read()); print(c['X-WR-CALNAME']); print(c['NAME'])"],
      {
        input: text,
        encoding: 'utf8',
      },
    );
    expect(read).toBe('ISA – alle Termine (Delegationsreise, Konferenz)\nISA – alle Termine (Delegationsreise, Konferenz)\n');
  });

  it.skipIf(!haveNewsboat && !inCI)(
    'regression: newsboat kept an item in one of two feeds only; subscribed to Köln and to all events, it shows both',
    async () => {
      const urls = join(dir, 'urls');
      const cache = join(dir, 'cache.db');
      const koeln = `${s.server().url}/cities/koeln/feed.de.atom`;
      const all = `${s.server().url}/feed.de.rss`;
      writeFileSync(urls, `${koeln}\n${all}\n`);
      // Asynchronously: the server answering newsboat runs in this process.
      await run('newsboat', ['-u', urls, '-c', cache, '-C', '/dev/null', '-x', 'reload'], { timeout: 30_000 });
      const db = new BetterSqlite3(cache, { readonly: true });
      try {
        const count = (feed: string) => db.prepare('SELECT count(*) FROM rss_item WHERE feedurl = ?').pluck().get(feed) as number;
        const koelnItems = count(koeln);
        expect(koelnItems).toBeGreaterThan(0);
        expect(count(all)).toBeGreaterThan(koelnItems);
        // Titles are plain text: no entity is left for the reader to see.
        const titles = db.prepare('SELECT title FROM rss_item').pluck().all() as string[];
        expect(titles.filter((t) => /&(amp|lt|gt|quot|#\d+);/.test(t))).toEqual([]);
      } finally {
        db.close();
      }
    },
  );
});
