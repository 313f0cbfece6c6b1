/**
 * Imports over HTTP, run on both runtimes with WRITE_TOKEN as ADMIN_TOKEN: an Outlook export with Windows zone
 * names, a Google export in UTC, an Apple export with floating times, and spreadsheets in the template
 * (UTF-8, Windows-1252 with semicolons, GB18030), each through the dry run and the commit; the instants stored
 * are the instants ical.js reads from the source with the file's own VTIMEZONEs.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import appleFloating from '../fixtures/imports/apple-floating.ics?raw';
import googleUtc from '../fixtures/imports/google-utc.ics?raw';
import outlook from '../fixtures/imports/outlook-windows-zones.ics?raw';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import type { Fetch } from './api-contract.js';

interface DryRun {
  id: string;
  expires: string;
  commit: string;
  items: Array<{ uid?: string; row?: number; outcome: string; id?: string; field?: string; message?: string }>;
}

interface EventJson {
  id: string;
  revision: number;
  timeZone: string;
  precision: string;
  title: Record<string, string>;
  start: { utc?: string; local?: string; date?: string } | null;
  end: { utc?: string; local?: string; date?: string } | null;
}

/** Registers the import suite; `getFetch` is called in each test. */
export function describeImports(runtime: string, getFetch: () => Fetch): void {
  const auth = { Authorization: `Bearer ${WRITE_TOKEN}` };
  const upload = (body: string | Uint8Array, type: string, query = '') =>
    getFetch()(`/api/v1/imports${query}`, { method: 'POST', headers: { ...auth, 'Content-Type': type }, body: body as BodyInit });
  const dryRun = async (body: string | Uint8Array, type: string, query = '') => {
    const res = await upload(body, type, query);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as DryRun;
  };
  const commit = async (run: DryRun) => {
    const res = await getFetch()(run.commit, { method: 'POST', headers: auth });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { committed: boolean; items: DryRun['items'] };
  };
  const event = async (id: string) => (await (await getFetch()(`/api/v1/events/${id}`)).json()) as EventJson;
  const instantOf = (utc: string | undefined) => (utc === undefined ? Number.NaN : Date.parse(utc));

  describe(`imports on ${runtime}`, () => {
    it('imports an Outlook export with Windows zone names through a dry run: the instants are the source’s', async () => {
      const run = await dryRun(outlook, 'text/calendar', '?cities=Köln');
      expect(run.expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(run.commit).toBe(`/api/v1/imports/${run.id}/commit`);
      expect(run.items.map((i) => i.outcome)).toEqual(['new', 'new', 'new', 'error']);
      expect(run.items[3]).toMatchObject({ field: 'RRULE' });
      expect(run.items[3]?.message).toMatch(/recurring/);
      // The dry run wrote no event.
      const [berlinId, chinaId, allDayId] = run.items.map((i) => i.id ?? '');
      expect((await getFetch()(`/api/v1/events/${berlinId}`)).status).toBe(404);
      const committed = await commit(run);
      expect(committed.committed).toBe(true);
      const source = new Map(parseWithIcalJs(outlook).map((e) => [e.summary, e]));
      const berlin = await event(berlinId ?? '');
      expect(berlin).toMatchObject({ timeZone: 'Europe/Berlin', revision: 1, title: { de: 'Vorbereitung Hannover Messe' } });
      expect(instantOf(berlin.start?.utc)).toBe(source.get('Vorbereitung Hannover Messe')?.start.instant);
      const china = await event(chinaId ?? '');
      expect(china.timeZone).toBe('Asia/Shanghai');
      expect(china.title.zh).toBe('中德工业城市联盟全体大会筹备会');
      expect(instantOf(china.start?.utc)).toBe(source.get('中德工业城市联盟全体大会筹备会')?.start.instant);
      expect(instantOf(china.end?.utc)).toBe(source.get('中德工业城市联盟全体大会筹备会')?.end?.instant);
      const allDay = await event(allDayId ?? '');
      expect(allDay).toMatchObject({ precision: 'day', start: { date: '2027-04-20' }, end: { date: '2027-04-24' } });
      // The city's calendar, read by ical.js, holds the same instants.
      const calendar = new Map(
        parseWithIcalJs(await (await getFetch()('/cities/koeln/calendar.ics?lang=de')).text()).map((e) => [e.summary, e]),
      );
      expect(calendar.get('Vorbereitung Hannover Messe')?.start.instant).toBe(source.get('Vorbereitung Hannover Messe')?.start.instant);
      expect(calendar.get('Messebesuch Hannover (ganztägig)')).toMatchObject({
        start: { date: '2027-04-20' },
        end: { date: '2027-04-25' },
      });
      // The same file again changes nothing; committing a dry run twice neither.
      const again = await dryRun(outlook.replaceAll('\n', '\r\n'), 'text/calendar; charset=utf-8', '?cities=Köln');
      expect(again.items.map((i) => i.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'error']);
      expect(again.items[0]?.id).toBe(berlinId);
      await commit(again);
      expect((await commit(run)).items).toEqual(committed.items);
      expect((await event(berlinId ?? '')).revision).toBe(1);
    });

    it('updates by UID, and refuses a commit when an event changed since its dry run (409 import_stale)', async () => {
      const first = await dryRun(googleUtc, 'text/calendar', '?cities=Foshan');
      await commit(first);
      const id = first.items[0]?.id ?? '';
      const changed = googleUtc.replace('SUMMARY:Werksbesichtigung Shunde', 'SUMMARY:Werksbesichtigung Shunde (mit Kölner Delegation)');
      const run = await dryRun(changed, 'text/calendar', '?cities=Foshan');
      expect(run.items.map((i) => i.outcome)).toEqual(['update', 'unchanged']);
      expect(run.items[0]?.id).toBe(id);
      const patched = await getFetch()(`/api/v1/events/${id}`, {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r1"' },
        body: JSON.stringify({ location: 'Shunde, Foshan' }),
      });
      expect(patched.status).toBe(200);
      const stale = await getFetch()(run.commit, { method: 'POST', headers: auth });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('import_stale');
      const fresh = await dryRun(changed, 'text/calendar', '?cities=Foshan');
      await commit(fresh);
      expect(await event(id)).toMatchObject({ revision: 3, title: { de: 'Werksbesichtigung Shunde (mit Kölner Delegation)' } });
    });

    it('reads UTC times in the calendar’s zone and asks for the zone of floating times', async () => {
      const google = await dryRun(googleUtc, 'text/calendar', '?cities=Foshan');
      const shunde = await event(google.items[0]?.id ?? '');
      expect(shunde.timeZone).toBe('Asia/Shanghai');
      expect(shunde.start).toMatchObject({ local: '2027-10-25T09:00', utc: '2027-10-25T01:00:00Z' });
      // Google's floating time takes its X-WR-TIMEZONE; Apple's has none and needs the person's choice.
      expect(google.items[1]?.outcome).toMatch(/new|unchanged/);
      const apple = await dryRun(appleFloating, 'text/calendar', '?cities=Solingen');
      expect(apple.items[0]).toMatchObject({ outcome: 'error', field: 'timeZone' });
      const chosen = await dryRun(appleFloating, 'text/calendar', '?cities=Solingen&timeZone=MESZ');
      expect(chosen.items[0]?.outcome).toBe('new');
      await commit(chosen);
      expect(await event(chosen.items[0]?.id ?? '')).toMatchObject({
        timeZone: 'Europe/Berlin',
        start: { local: '2027-05-12T14:00', utc: '2027-05-12T12:00:00Z' },
      });
      expect((await upload(appleFloating, 'text/calendar', '?timeZone=Mars/Olympus')).status).toBe(400);
    });

    it('reads back its own spreadsheet from German Excel (Windows-1252, semicolons): updates, new rows, errors by row and field', async () => {
      const exported = new TextDecoder().decode(await (await getFetch()('/api/v1/events.csv?lang=de&city=solingen')).arrayBuffer());
      const [header = [], ...rows] = parseCsv(exported, { bom: true }) as string[][];
      const col = (name: string) => header.indexOf(name);
      const first = rows[0] ?? [];
      const edited = [...first];
      edited[col('Ort')] = 'Klingenhalle Solingen';
      const blank = header.map(() => '');
      const row = (values: Record<string, string>) => blank.map((_, i) => values[header[i] ?? ''] ?? '');
      const fresh = row({
        Art: 'visit',
        'Titel (Deutsch)': 'Besuch aus Nanning in Solingen',
        Beginn: '15.06.2027 10:00',
        Städte: 'Solingen',
        'Teilnehmende Städte': 'Nanning',
      });
      const gap = row({ Art: 'visit', 'Titel (Deutsch)': 'Zeitumstellung', Beginn: '28.03.2027 02:30', Städte: 'Solingen' });
      const stale = [...first];
      stale[col('Fassung')] = String(Number(first[col('Fassung')]) + 5);
      stale[col('Ort')] = 'irgendwo';
      const text = stringify([header, edited, fresh, gap, ...rows.slice(1), stale], { delimiter: ';', record_delimiter: 'windows' });
      const run = await dryRun(iconv.encode(text, 'windows-1252'), 'text/csv');
      expect(run.items[0], JSON.stringify(run.items.slice(0, 4))).toMatchObject({ row: 2, outcome: 'update', id: first[0] });
      expect(run.items[1]).toMatchObject({ row: 3, outcome: 'new' });
      expect(run.items[2]).toMatchObject({ row: 4, outcome: 'error', field: 'start' });
      const changed = run.items.slice(3, -1).filter((i) => i.outcome !== 'unchanged');
      expect(changed.map((i) => `${i.row} ${i.outcome} ${i.id} ${i.field ?? ''} ${i.message ?? ''}`).join(' / ')).toBe('');
      expect(run.items.at(-1)).toMatchObject({ outcome: 'error' });
      const before = await event(first[0] ?? '');
      await commit(run);
      const after = (await event(first[0] ?? '')) as EventJson & { location: string };
      expect(after.location).toBe('Klingenhalle Solingen');
      // Regression: Windows-1252 cannot carry Chinese; Excel writes "?" for it, which must not replace the text.
      expect(after.title.zh).toBe(before.title.zh);
      expect(after.title.zh).toMatch(/\p{Script=Han}/u);
      const visit = await event(run.items[1]?.id ?? '');
      expect(visit).toMatchObject({
        title: { de: 'Besuch aus Nanning in Solingen' },
        timeZone: 'Europe/Berlin',
        start: { utc: '2027-06-15T08:00:00Z' },
      });
    });

    it('reads a spreadsheet from Chinese Excel (GB18030, Chinese headers)', async () => {
      const text = stringify([
        ['类型', '标题（中文）', '开始', '城市', '时区'],
        ['conference', '柳州新能源汽车论坛', '2027/9/8 9:30', '柳州', 'Asia/Shanghai'],
      ]);
      const run = await dryRun(iconv.encode(text, 'gb18030'), 'text/csv');
      expect(run.items).toMatchObject([{ row: 2, outcome: 'new' }]);
      await commit(run);
      expect(await event(run.items[0]?.id ?? '')).toMatchObject({
        title: { zh: '柳州新能源汽车论坛' },
        start: { utc: '2027-09-08T01:30:00Z' },
      });
    });

    it('refuses what is not a file of its type, and writes without a token', async () => {
      expect((await upload('BEGIN:VCALENDAR\nBEGIN:VEVENT\n', 'text/calendar')).status).toBe(400);
      expect((await upload('a,b\n1,2\n', 'text/csv')).status).toBe(400);
      expect((await upload('{}', 'application/json')).status).toBe(415);
      const anonymous = await getFetch()('/api/v1/imports', {
        method: 'POST',
        headers: { 'Content-Type': 'text/calendar' },
        body: outlook,
      });
      expect(anonymous.status).toBe(401);
      expect((await getFetch()('/api/v1/imports/no-such-import/commit', { method: 'POST', headers: auth })).status).toBe(404);
    });
  });
}
