/**
 * The write path over HTTP, run on both runtimes with WRITE_TOKEN configured as ADMIN_TOKEN, each against a
 * database of its own (seeded, nothing else written).
 */
import { describe, expect, it } from 'vitest';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import type { Fetch } from './api-contract.js';

export { WRITE_TOKEN };

interface Written {
  id: string;
  revision: number;
  status: string;
  timeZone: string;
  title: Record<string, string>;
  start: Record<string, unknown> & { utc?: string; berlin?: { local: string } };
}

/** Registers the write suite; `getFetch` is called in each test. */
export function describeWrites(runtime: string, getFetch: () => Fetch): void {
  const auth = { Authorization: `Bearer ${WRITE_TOKEN}` };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    getFetch()('/api/v1/events', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const patch = (id: string, body: unknown, headers: Record<string, string>) =>
    getFetch()(`/api/v1/events/${id}`, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/merge-patch+json', ...headers },
      body: JSON.stringify(body),
    });
  const base = { kind: 'plenary', title: { de: 'Test-Plenarversammlung', en: 'Test plenary' }, cities: ['Foshan'], participants: ['Köln'] };

  describe(`writes on ${runtime}`, () => {
    it('creates an event: 201 with Location and ETag, times in both zones (CST is China)', async () => {
      const res = await post({ ...base, start: '2019-10-24T09:00', timeZone: 'CST' });
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"r1"');
      const event = (await res.json()) as Written;
      expect(res.headers.get('location')).toMatch(new RegExp(`/api/v1/events/${event.id}$`));
      expect(event).toMatchObject({
        timeZone: 'Asia/Shanghai',
        revision: 1,
        status: 'confirmed',
        start: { utc: '2019-10-24T01:00:00Z', berlin: { local: '2019-10-24T03:00' } },
      });
      const read = await getFetch()(`/api/v1/events/${event.id}`);
      expect(read.status).toBe(200);
      expect(((await read.json()) as Written).start.utc).toBe('2019-10-24T01:00:00Z');
    });

    it('canonicalises zones, takes the earlier instant of a fold unless fold: 1, and rejects gaps and unknown zones', async () => {
      expect(((await (await post({ ...base, start: '2019-10-24T09:00', timeZone: 'PRC' })).json()) as Written).timeZone).toBe(
        'Asia/Shanghai',
      );
      const fold0 = (await (await post({ ...base, start: '2018-10-28T02:30', timeZone: 'Europe/Berlin' })).json()) as Written;
      expect(fold0.start.utc).toBe('2018-10-28T00:30:00Z');
      const fold1 = (await (await post({ ...base, start: '2018-10-28T02:30', timeZone: 'Europe/Berlin', fold: 1 })).json()) as Written;
      expect(fold1.start.utc).toBe('2018-10-28T01:30:00Z');
      for (const [body, status, code, field] of [
        [{ ...base, start: '2019-03-31T02:30', timeZone: 'Europe/Berlin' }, 400, 'nonexistent_time', 'start'],
        [{ ...base, start: '2019-10-24T09:00', timeZone: 'PST' }, 400, 'unknown_zone', 'timeZone'],
        [{ ...base, start: '2019-10-24', end: '2019-10-23' }, 400, 'invalid_time', 'end'],
        [{ ...base, start: 'next week' }, 400, 'invalid_time', 'start'],
        [{ ...base, cities: ['Atlantis'], start: '2019-10-24' }, 400, 'unknown_city', 'cities.0'],
        [{ ...base, kind: 'party', start: '2019-10-24' }, 400, 'invalid_input', 'kind'],
        [{ ...base, title: { de: '  ' }, start: '2019-10-24' }, 400, 'invalid_input', 'title'],
        [{ ...base, title: { fr: 'Bonjour' }, start: '2019-10-24' }, 400, 'invalid_input', 'title.fr'],
        [{ ...base, url: 'javascript:alert(1)', start: '2019-10-24' }, 400, 'invalid_input', 'url'],
        [{ ...base, start: '2019-10-24', extra: true }, 400, 'invalid_input', 'extra'],
        [{ ...base, start: '2019-10-24', status: 'cancelled' }, 400, 'invalid_input', 'status'],
        [{ ...base, start: '2019-10-24', location: 'x'.repeat(301) }, 400, 'invalid_input', 'location'],
      ] as const) {
        const res = await post(body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(((await res.json()) as { error: unknown }).error, JSON.stringify(body)).toMatchObject({ code, field });
      }
    });

    it('stores a hostile title verbatim (CRLF, <script>, ]]>, emoji)', async () => {
      const title = 'Evil\r\nATTENDEE:x <script>alert(1)</script> ]]> 😀 佛山';
      const event = (await (await post({ ...base, title: { de: title }, start: '2019-10-25' })).json()) as Written;
      expect(event.title.de).toBe(title);
      expect(((await (await getFetch()(`/api/v1/events/${event.id}`)).json()) as Written).title.de).toBe(title);
    });

    it('refuses unauthenticated, wrongly typed, malformed and oversized writes, writing nothing', async () => {
      const noToken = await getFetch()('/api/v1/events', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(noToken.status).toBe(401);
      expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await post({ ...base, start: '2019-10-24' }, { Authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      expect((await post('{"kind":', {})).status).toBe(400);
      expect((await post({ ...base, start: '2019-10-24' }, { 'Content-Type': 'text/plain' })).status).toBe(415);
      expect((await post({ ...base, start: '2019-10-24', description: { de: 'x'.repeat(70_000) } })).status).toBe(413);
    });

    it('changes with If-Match only, raises the revision and SEQUENCE, moves in the changes feed', async () => {
      const created = (await (await post({ ...base, start: '2027-10-24T09:00', timeZone: 'Asia/Shanghai' })).json()) as Written;
      const id = created.id;
      expect((await patch(id, { start: '2027-10-24T14:00' }, {})).status).toBe(428);
      expect((await patch(id, { start: '2027-10-24T14:00' }, { 'If-Match': '"r7"' })).status).toBe(412);
      const calendarBefore = await getFetch()('/cities/foshan/calendar.ics');
      const moved = await patch(id, { start: '2027-10-24T14:00', participants: null }, { 'If-Match': '"r1"' });
      expect(moved.status).toBe(200);
      expect(moved.headers.get('etag')).toBe('"r2"');
      expect((await moved.json()) as Written).toMatchObject({ revision: 2, start: { utc: '2027-10-24T06:00:00Z' }, participants: [] });
      // Calendars follow at once.
      const calendar = await getFetch()('/cities/foshan/calendar.ics', {
        headers: { 'If-None-Match': calendarBefore.headers.get('etag') ?? '' },
      });
      expect(calendar.status).toBe(200);
      expect(parseWithIcalJs(await calendar.text()).find((e) => e.uid.startsWith(`${id}@`))).toMatchObject({ sequence: 2 });
      const changes = (await (await getFetch()('/api/v1/changes?since=2000-01-01&limit=500')).json()) as {
        items: Array<{ id: string; action: string; before: { text: string } | null; after: { text: string } }>;
      };
      const move = changes.items.find((c) => c.id === id && c.action === 'moved');
      expect(move?.before?.text).toContain('09:00 China (CST, UTC+8)');
      expect(move?.after.text).toContain('14:00 China (CST, UTC+8) · 08:00 Deutschland (MESZ, UTC+2)');
      const atom = await (await getFetch()('/changes.atom?lang=en')).text();
      expect(atom).toContain('Moved: Test plenary');
    });

    it('cancels with DELETE (kept, marked), and reinstates with PATCH status confirmed', async () => {
      const created = (await (await post({ ...base, start: '2027-11-02' })).json()) as Written;
      const del = await getFetch()(`/api/v1/events/${created.id}`, { method: 'DELETE', headers: auth });
      expect(del.status).toBe(200);
      expect((await del.json()) as Written).toMatchObject({ status: 'cancelled', revision: 2 });
      expect(((await (await getFetch()(`/api/v1/events/${created.id}`)).json()) as Written).status).toBe('cancelled');
      const ics = await (await getFetch()(`/events/${created.id}.ics?lang=en`)).text();
      expect(parseWithIcalJs(ics)[0]).toMatchObject({ status: 'CANCELLED', summary: 'Cancelled: Test plenary' });
      expect((await getFetch()(`/api/v1/events/${created.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
      const back = await patch(created.id, { status: 'confirmed' }, { 'If-Match': '"r2"' });
      expect(back.status).toBe(200);
      expect((await back.json()) as Written).toMatchObject({ status: 'confirmed', revision: 3 });
    });

    it('cancels with a reason subscribers read in the calendar, the feeds and the API, and drops it on reinstating', async () => {
      const created = (await (await post({ ...base, start: '2027-11-03' })).json()) as Written;
      const reason = 'Verschoben wegen der Messe; neuer Termin folgt. 因展会推迟。';
      const del = await getFetch()(`/api/v1/events/${created.id}`, {
        method: 'DELETE',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
      expect(del.status).toBe(200);
      expect(await del.json()).toMatchObject({ status: 'cancelled', cancelReason: reason });
      const ics = await (await getFetch()(`/events/${created.id}.ics?lang=de`)).text();
      expect(parseWithIcalJs(ics)[0]?.description).toContain(`Grund der Absage: ${reason}`);
      const feed = (await (await getFetch()('/cities/foshan/feed.json?lang=zh')).json()) as {
        items: Array<{ id: string; content_html: string }>;
      };
      expect(feed.items.find((item) => item.content_html.includes(created.id))?.content_html ?? '').toContain('取消原因：');
      const tooLong = await getFetch()(`/api/v1/events/${created.id}`, {
        method: 'DELETE',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: 'x'.repeat(1001) }),
      });
      expect(tooLong.status).toBe(400);
      expect(((await tooLong.json()) as { error: { field: string } }).error.field).toBe('reason');
      const back = (await (await patch(created.id, { status: 'confirmed' }, { 'If-Match': '"r2"' })).json()) as Record<string, unknown>;
      expect(back.status).toBe('confirmed');
      expect(back).not.toHaveProperty('cancelReason');
    });

    it('purges an event for good: 410 after, out of every output, the changes list it as deleted without content', async () => {
      const secret = 'Persönliche Telefonnummer 0171 1234567';
      const created = (await (await post({ ...base, start: '2027-11-04', description: { de: secret } })).json()) as Written;
      const purge = (headers: Record<string, string>) =>
        getFetch()(`/api/v1/events/${created.id}/purge`, { method: 'POST', headers: { ...auth, ...headers } });
      expect((await purge({})).status).toBe(428);
      expect((await purge({ 'If-Match': '"r9"' })).status).toBe(412);
      expect((await purge({ 'If-Match': '"r1"' })).status).toBe(204);
      const gone = await getFetch()(`/api/v1/events/${created.id}`);
      expect(gone.status).toBe(410);
      expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('gone');
      expect((await getFetch()(`/events/${created.id}?lang=de`)).status).toBe(410);
      expect((await getFetch()(`/events/${created.id}.ics`)).status).toBe(410);
      expect((await getFetch()('/api/v1/events/no-such-event')).status).toBe(404);
      for (const path of [
        '/calendar.ics',
        '/cities/foshan/calendar.ics',
        '/feed.xml',
        '/cities/foshan/feed.json',
        '/changes.atom',
        '/api/v1/events.csv',
      ]) {
        const text = await (await getFetch()(path)).text();
        expect(text, path).not.toContain(secret);
        expect(text, path).not.toContain(created.id);
      }
      const changes = (await (await getFetch()('/api/v1/changes?since=2000-01-01&limit=500')).json()) as {
        items: Array<{ id: string; action: string }>;
      };
      const ofEvent = changes.items.filter((item) => item.id === created.id);
      expect(ofEvent.map((item) => item.action)).toEqual(['deleted']);
      expect(JSON.stringify(ofEvent)).not.toContain(secret);
    });

    it('cites sources: catalogue entries by id, pages inline (added to the catalogue once), unknown ids refused', async () => {
      const page = {
        url: 'https://example.org/reports/2027?lang=de',
        title: 'Bericht zur Delegation',
        publisher: 'Beispiel',
        date: '2027-01',
      };
      const res = await post({
        ...base,
        start: '2027-03-03',
        sources: [
          { ref: 'dresden-delegation-2018', note: 'Background.' },
          { ...page, note: 'Names the delegation.' },
        ],
      });
      expect(res.status).toBe(201);
      const event = (await res.json()) as Written & {
        sources: Array<{ ref: string; note?: string }>;
        source: { ref: string; title: string };
      };
      expect(event.sources[0]).toEqual({ ref: 'dresden-delegation-2018', note: 'Background.' });
      expect(event.sources[1]?.ref).toMatch(/^web-[0-9a-f]{12}$/);
      expect(event.sources[1]?.note).toBe('Names the delegation.');
      expect(event.source).toMatchObject({ ref: 'dresden-delegation-2018', title: expect.any(String) });
      // The same page cited again (under another title) is the same entry.
      const again = (await (
        await post({ ...base, start: '2027-03-04', sources: [{ ...page, title: 'Other title' }] })
      ).json()) as typeof event;
      expect(again.sources[0]?.ref).toBe(event.sources[1]?.ref);
      const catalogue = (await (await getFetch()('/api/v1/sources')).json()) as {
        items: Array<{ id: string; title: string; url?: string }>;
      };
      expect(catalogue.items.filter((entry) => entry.url === page.url)).toEqual([
        expect.objectContaining({ id: event.sources[1]?.ref, title: 'Bericht zur Delegation', publisher: 'Beispiel', date: '2027-01' }),
      ]);
      // Calendars show every source.
      const ics = parseWithIcalJs(await (await getFetch()(`/events/${event.id}.ics?lang=en`)).text());
      expect(ics[0]?.description).toContain(`Source: Bericht zur Delegation (Beispiel, 2027-01) ${page.url}`);
      // A merge patch replaces the list.
      const patched = await patch(event.id, { sources: [{ ref: 'koeln-joins-isa-2017' }] }, { 'If-Match': '"r1"' });
      expect(((await patched.json()) as typeof event).sources).toEqual([{ ref: 'koeln-joins-isa-2017' }]);
      for (const [sources, field] of [
        [[{ ref: 'no-such-entry' }], 'sources.0.ref'],
        [[{ ref: 'dresden-delegation-2018' }, { url: 'javascript:alert(1)', title: 'x' }], 'sources.1'],
        [[{ url: 'https://example.org/', title: '' }], 'sources.0'],
        [[{ url: 'https://example.org/', title: 'x', date: '1.1.2027' }], 'sources.0'],
        [[{ ref: 'dresden-delegation-2018', quote: 'copied sentence' }], 'sources.0'],
      ] as const) {
        const refused = await post({ ...base, start: '2027-03-05', sources });
        expect(refused.status, JSON.stringify(sources)).toBe(400);
        expect(((await refused.json()) as { error: { field: string } }).error.field, JSON.stringify(sources)).toMatch(
          new RegExp(`^${field.replace('.', '\\.')}`),
        );
      }
    });

    it('writes whom an event is for: listings follow the audience, allianceWide stays for older clients', async () => {
      const listed = async (city: string) =>
        ((await (await getFetch()(`/api/v1/events?city=${city}&from=2027-01-01&limit=500`)).json()) as { items: Written[] }).items.map(
          (e) => e.id,
        );
      const forGermans = (await (
        await post({ kind: 'conference', title: { de: 'Fachtagung (Test)' }, cities: ['Berlin'], audience: 'DE', start: '2027-05-05' })
      ).json()) as Written & { audience: string; allianceWide: boolean };
      expect(forGermans).toMatchObject({ audience: 'DE', allianceWide: true });
      expect(await listed('koeln')).toContain(forGermans.id);
      expect(await listed('foshan')).not.toContain(forGermans.id);
      const old = (await (await post({ ...base, start: '2027-05-06', allianceWide: true })).json()) as typeof forGermans;
      expect(old).toMatchObject({ audience: 'all', allianceWide: true });
      expect(await listed('solingen')).toContain(old.id);
      const off = await patch(old.id, { allianceWide: false }, { 'If-Match': '"r1"' });
      expect((await off.json()) as typeof forGermans).toMatchObject({ audience: null, allianceWide: false });
      expect(await listed('solingen')).not.toContain(old.id);
      const contradiction = await post({ ...base, start: '2027-05-07', allianceWide: false, audience: 'CN' });
      expect(contradiction.status).toBe(400);
      expect(((await contradiction.json()) as { error: { field: string } }).error.field).toBe('allianceWide');
    });

    it('marks related items everywhere and leaves them out on request', async () => {
      const related = (await (
        await post({ kind: 'visit', title: { en: 'A member’s own trip (test)' }, cities: ['Foshan'], related: true, start: '2027-06-01' })
      ).json()) as Written & { related: boolean };
      expect(related.related).toBe(true);
      const ids = async (path: string) => ((await (await getFetch()(path)).json()) as { items: Written[] }).items.map((e) => e.id);
      expect(await ids('/api/v1/events?city=foshan&from=2027-01-01&related=only')).toContain(related.id);
      expect(await ids('/api/v1/events?city=foshan&from=2027-01-01&related=exclude')).not.toContain(related.id);
      const uids = async (path: string) => parseWithIcalJs(await (await getFetch()(path)).text()).map((e) => e.uid.replace(/@.*/, ''));
      expect(await uids('/cities/foshan/calendar.r-exclude.en.ics')).not.toContain(related.id);
      expect(await uids('/cities/foshan/calendar.ics?related=only&lang=en')).toContain(related.id);
      const entry = parseWithIcalJs(await (await getFetch()(`/events/${related.id}.ics?lang=en`)).text())[0];
      expect(entry?.categories).toEqual(['Visit', 'Related item']);
      expect(entry?.description).toContain('Not an event of the alliance itself');
      const feed = JSON.parse(await (await getFetch()('/cities/foshan/feed.en.json')).text()) as {
        items: Array<{ id: string; tags?: string[]; content_html: string }>;
      };
      const item = feed.items.find((i) => i.id.includes(`:${related.id}/`));
      expect(item?.tags).toEqual(['Visit', 'Related item']);
      expect(item?.content_html).toContain('Not an event of the alliance itself');
      const page = await (await getFetch()(`/events/${related.id}.en.html`)).text();
      expect(page).toContain('<span class="badge related">Related item</span>');
    });

    it('describes the API in OpenAPI 3.1 from the validation schemas', async () => {
      const doc = (await (await getFetch()('/api/v1/openapi.json')).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
        components: { schemas: { EventInput: { required: string[]; properties: Record<string, unknown> } } };
      };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/events', '/api/v1/events/{id}', '/api/v1/changes', '/calendar.ics', '/feed.atom']),
      );
      expect(doc.components.schemas.EventInput.required).toEqual(expect.arrayContaining(['kind', 'title', 'cities', 'start']));
      expect(Object.keys(doc.components.schemas.EventInput.properties)).toContain('fold');
      const docs = await (await getFetch()('/api/docs')).text();
      expect(docs).toContain('<code>POST /api/v1/events</code>');
      expect(docs).toMatch(/<form action="\/api\/v1\/events" method="get">[\s\S]*<input name="city">[\s\S]*<input name="from">/);
    });
  });
}
