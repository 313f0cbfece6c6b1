/**
 * The editor over HTTP, run on both runtimes with WRITE_TOKEN configured as ADMIN_TOKEN (a secretariat account
 * of the settings): sign-in and sessions, the refusals (no session, another site's form, a form of no session,
 * too many failed sign-ins), saving through the one write path with the times on both sides shown first, a time
 * the clocks skip and one that occurs twice, another person's save in between, accounts and what a city editor
 * may change, in the editor and with their token on the API.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formFields, pageText } from '../fixtures/html-forms.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import type { Fetch } from './api-contract.js';

export interface EditorTarget {
  readonly fetch: Fetch;
  /** The origin of PUBLIC_URL: what a browser sends as Origin with the editor's own forms. */
  readonly origin: string;
}

interface Session {
  readonly cookie: string;
  /** GET a page of the editor with the session. */
  readonly get: (path: string) => Promise<Response>;
  /** POST a form with the session (its form token added), from the editor's own origin unless told otherwise. */
  readonly post: (path: string, fields: Record<string, string | string[]>, origin?: string) => Promise<Response>;
  readonly formToken: () => Promise<string>;
}

/** The client address of this suite's sign-ins on Workers (Node counts by the socket and ignores the header). */
const CLIENT = { 'CF-Connecting-IP': '203.0.113.77' };

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return body;
};

/** A timed event in Foshan (Asia/Shanghai) as the form posts it. */
const FOSHAN_EVENT = {
  kind: 'conference',
  title_zh: '佛山智能制造对接会',
  title_de: 'Kontaktbörse Intelligente Fertigung in Foshan',
  cities: '佛山',
  participants: 'Köln',
  precision: 'minute',
  start_date: '2027-11-10',
  start_time: '09:30',
  end_date: '2027-11-10',
  end_time: '12:00',
  timeZone: '',
  status: 'confirmed',
  audience: '',
};

/** Registers the editor suite; `target` is called in each test. */
export function describeEditor(runtime: string, target: () => EditorTarget): void {
  const signIn = async (token: string): Promise<Session> => {
    const { fetch, origin } = target();
    const res = await fetch('/editor/sign-in?lang=de', {
      method: 'POST',
      headers: { ...CLIENT, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form({ token }),
      redirect: 'manual',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = (path: string) => fetch(path, { headers: { Cookie: cookie }, redirect: 'manual' });
    const formToken = async () => formFields(await (await get('/editor?lang=de')).text()).form_token ?? '';
    return {
      cookie,
      get,
      formToken,
      post: async (path, fields, from = origin) =>
        fetch(path, {
          method: 'POST',
          headers: { Cookie: cookie, Origin: from, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form({ form_token: await formToken(), ...fields }),
          redirect: 'manual',
        }),
    };
  };
  const api = (path: string, init: RequestInit = {}) => target().fetch(path, init);

  describe(`the editor on ${runtime}`, () => {
    it('shows the sign-in page with a strict Content-Security-Policy, never cached', async () => {
      const res = await target().fetch('/editor?lang=zh');
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<html lang="zh">');
      expect(html).toContain('name="token"');
      // Nothing inline and nothing from another host: the policy would block it.
      expect(html).not.toMatch(/<style|<script>|style="|https?:\/\/(?!127\.0\.0\.1)/);
    });

    it('signs in with a token into an HttpOnly, SameSite=Strict session cookie, and out again', async () => {
      const { fetch, origin } = target();
      const res = await fetch('/editor/sign-in', {
        method: 'POST',
        headers: { ...CLIENT, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ token: WRITE_TOKEN }),
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^isa-session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      const session = await signIn(WRITE_TOKEN);
      const list = await (await session.get('/editor?lang=de')).text();
      expect(list).toContain('/editor/events/new');
      expect(await session.post('/editor/sign-out', {})).toHaveProperty('status', 303);
      // The session ended: the same cookie shows the sign-in form again.
      expect(await (await session.get('/editor?lang=de')).text()).toContain('name="token"');
    });

    it('refuses a wrong token with 401 and writes without a session', async () => {
      const { fetch, origin } = target();
      const wrong = await fetch('/editor/sign-in', {
        method: 'POST',
        headers: { ...CLIENT, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ token: 'not-a-token' }),
      });
      expect(wrong.status).toBe(401);
      const anonymous = await fetch('/editor/events/new', {
        method: 'POST',
        headers: { ...CLIENT, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ ...FOSHAN_EVENT, action: 'save' }),
      });
      expect(anonymous.status).toBe(401);
    });

    it('refuses a form posted from another site, and a form without the session’s form token', async () => {
      const session = await signIn(WRITE_TOKEN);
      const crossSite = await session.post('/editor/events/new', { ...FOSHAN_EVENT, action: 'save' }, 'https://attacker.example');
      expect(crossSite.status).toBe(403);
      expect(((await crossSite.json()) as { error: { field: string } }).error.field).toBe('headers.origin');
      const { fetch, origin } = target();
      const forged = await fetch('/editor/events/new', {
        method: 'POST',
        headers: { Cookie: session.cookie, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ form_token: 'guessed', ...FOSHAN_EVENT, action: 'save' }),
      });
      expect(forged.status).toBe(403);
    });

    it('shows both countries’ times before saving, then saves through the write path into the calendar', async () => {
      const session = await signIn(WRITE_TOKEN);
      const preview = await session.post('/editor/events/new?lang=de', { ...FOSHAN_EVENT, action: 'preview' });
      expect(preview.status).toBe(200);
      const text = pageText(await preview.text());
      expect(text).toContain('10.11.2027 09:30–12:00 China (CST, UTC+8)');
      expect(text).toContain('02:30–05:00 Deutschland (MEZ, UTC+1)');
      const saved = await session.post('/editor/events/new?lang=de', { ...FOSHAN_EVENT, action: 'save' });
      expect(saved.status).toBe(303);
      const id = /\/editor\/events\/([^?]+)/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
      const event = (await (await api(`/api/v1/events/${id}`)).json()) as { title: Record<string, string>; start: { utc: string } };
      expect(event.title.zh).toBe('佛山智能制造对接会');
      expect(event.start.utc).toBe('2027-11-10T01:30:00Z');
      const calendar = parseWithIcalJs(await (await api('/cities/foshan/calendar.zh.ics')).text());
      const entry = calendar.find((e) => e.summary === '佛山智能制造对接会');
      expect(entry?.start.instant).toBe(Date.parse('2027-11-10T01:30:00Z'));
    });

    it('names the nearest valid times at the field for a time the clocks skip', async () => {
      const session = await signIn(WRITE_TOKEN);
      const res = await session.post('/editor/events/new?lang=de', {
        ...FOSHAN_EVENT,
        cities: 'Köln',
        participants: '',
        timeZone: 'Europe/Berlin',
        start_date: '2027-03-28',
        start_time: '02:30',
        end_date: '2027-03-28',
        end_time: '04:00',
        action: 'save',
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('id="start-error"');
      expect(pageText(html)).toContain('2027-03-28 01:59 oder 2027-03-28 03:00');
    });

    it('asks which of the two readings of a time that occurs twice is meant, and stores the one chosen', async () => {
      const session = await signIn(WRITE_TOKEN);
      const fields = {
        ...FOSHAN_EVENT,
        title_de: 'Nacht der Zeitumstellung',
        title_zh: '',
        cities: 'Köln',
        participants: '',
        timeZone: 'MEZ',
        start_date: '2027-10-31',
        start_time: '02:30',
        end_date: '2027-10-31',
        end_time: '03:30',
      };
      const asked = await session.post('/editor/events/new?lang=de', { ...fields, action: 'save' });
      expect(asked.status).toBe(400);
      const html = await asked.text();
      expect(html).toContain('name="fold" value="0"');
      expect(html).toContain('name="fold" value="1"');
      const saved = await session.post('/editor/events/new?lang=de', { ...fields, fold: '1', action: 'save' });
      expect(saved.status).toBe(303);
      const id = /\/editor\/events\/([^?]+)/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
      const event = (await (await api(`/api/v1/events/${id}`)).json()) as { start: { utc: string } };
      expect(event.start.utc).toBe('2027-10-31T01:30:00Z');
    });

    it('shows what another person changed since the form was opened, and saves once re-applied', async () => {
      const session = await signIn(WRITE_TOKEN);
      const created = await session.post('/editor/events/new?lang=en', { ...FOSHAN_EVENT, title_de: 'Konfliktprobe', action: 'save' });
      const path = created.headers.get('location') ?? '';
      const opened = formFields(await (await session.get(path)).text());
      expect(opened.revision).toBe('1');
      const id = /\/editor\/events\/([^?]+)/.exec(path)?.[1] ?? '';
      // Someone else saves in between (a script on the API).
      const patched = await api(`/api/v1/events/${id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r1"' },
        body: JSON.stringify({ location: 'Tanzhou-Messe' }),
      });
      expect(patched.status).toBe(200);
      const mine = { ...opened, title_en: 'Conflict probe', action: 'save' };
      const conflict = await session.post(`/editor/events/${id}?lang=en`, mine);
      expect(conflict.status).toBe(409);
      const html = await conflict.text();
      expect(pageText(html)).toContain('Changed meanwhile');
      expect(pageText(html)).toMatch(/They changed: .*Place/);
      const again = formFields(html);
      expect(again.revision).toBe('2');
      expect(again.title_en).toBe('Conflict probe');
      const saved = await session.post(`/editor/events/${id}?lang=en`, { ...again, action: 'save' });
      expect(saved.status).toBe(200);
      const event = (await (await api(`/api/v1/events/${id}`)).json()) as {
        revision: number;
        title: Record<string, string>;
        location: string;
      };
      expect(event).toMatchObject({ revision: 3, location: 'Tanzhou-Messe', title: { en: 'Conflict probe' } });
    });

    it('shows an event’s history with who changed what, and restores an earlier revision as a new one', async () => {
      const session = await signIn(WRITE_TOKEN);
      const created = await session.post('/editor/events/new?lang=en', { ...FOSHAN_EVENT, title_de: 'Verlaufsprobe', action: 'save' });
      const id = /\/editor\/events\/([^?]+)/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
      await api(`/api/v1/events/${id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r1"' },
        body: JSON.stringify({ start: '2027-11-10T14:00', end: '2027-11-10T16:00' }),
      });
      const history = pageText(await (await session.get(`/editor/events/${id}/history?lang=en`)).text());
      expect(history).toMatch(/Revision 2 · Changed · admin, .* UTC Changed: Start, End/);
      expect(history).toContain('Before: 10 Nov 2027 09:30–12:00 China (CST, UTC+8)');
      expect(history).toContain('Now: 10 Nov 2027 14:00–16:00 China (CST, UTC+8)');
      const restored = await session.post(`/editor/events/${id}/history?lang=en`, { revision: '1' });
      expect(restored.status).toBe(200);
      expect(pageText(await restored.text())).toContain('Revision 1 is restored as a new revision.');
      const event = (await (await api(`/api/v1/events/${id}`)).json()) as { revision: number; start: { utc: string } };
      expect(event).toMatchObject({ revision: 3, start: { utc: '2027-11-10T01:30:00Z' } });
    });

    it('lets the secretariat create a city editor, who changes their city’s events directly and proposes the rest', async () => {
      const secretariat = await signIn(WRITE_TOKEN);
      const created = await secretariat.post('/editor/accounts?lang=de', {
        label: 'Wirtschaftsförderung Köln',
        role: 'city-editor',
        lang: 'de',
        account_cities: 'koeln',
      });
      expect(created.status).toBe(201);
      const token = /<code class="token">([^<]+)<\/code>/.exec(await created.text())?.[1] ?? '';
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const editor = await signIn(token);
      const own = await editor.post('/editor/events/new?lang=de', {
        ...FOSHAN_EVENT,
        cities: 'Köln',
        participants: '',
        title_de: 'Kölner Termin',
        action: 'save',
      });
      expect(own.status).toBe(303);
      const other = await editor.post('/editor/events/new?lang=de', { ...FOSHAN_EVENT, participants: '', action: 'save' });
      expect(other.status).toBe(303);
      expect(other.headers.get('location')).toMatch(/^\/editor\/proposals\/[^?]+\?lang=de&proposed=1$/);
      const viaApi = (body: unknown) =>
        api('/api/v1/events', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const base = { kind: 'conference', title: { de: 'API-Termin' }, start: '2027-05-05' };
      expect((await viaApi({ ...base, cities: ['Köln'] })).status).toBe(201);
      for (const body of [
        { ...base, cities: ['Foshan'] },
        { ...base, cities: ['Köln'], audience: 'all' },
      ]) {
        const proposed = await viaApi(body);
        expect(proposed.status).toBe(202);
        expect(proposed.headers.get('location')).toMatch(/\/api\/v1\/proposals\/[^/]+$/);
      }
      // What a city editor may never do answers 403.
      const accountsPage = await editor.get('/editor/accounts?lang=de');
      expect(accountsPage.status).toBe(403);
      const seeded = await api('/api/v1/events/isa-plenary-2018');
      const purge = await api('/api/v1/events/isa-plenary-2018/purge', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'If-Match': seeded.headers.get('etag') ?? '' },
      });
      expect(purge.status).toBe(403);
    });

    it('keeps a city editor’s change to another city’s event out of every output until the secretariat approves it', async () => {
      const secretariat = await signIn(WRITE_TOKEN);
      const created = await secretariat.post('/editor/accounts?lang=zh', {
        label: '佛山市商务局',
        role: 'city-editor',
        lang: 'zh',
        account_cities: 'foshan',
      });
      const token = /<code class="token">([^<]+)<\/code>/.exec(await created.text())?.[1] ?? '';
      const bearer = { Authorization: `Bearer ${token}` };
      // A Köln event that Foshan has no part in.
      const koeln = await api('/api/v1/events', {
        method: 'POST',
        headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'conference', title: { de: 'Kölner Wirtschaftstag' }, cities: ['Köln'], start: '2027-06-15T10:00' }),
      });
      const event = (await koeln.json()) as { id: string };
      const proposed = await api(`/api/v1/events/${event.id}`, {
        method: 'PATCH',
        headers: { ...bearer, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r1"' },
        body: JSON.stringify({ title: { de: 'Kölner Wirtschaftstag', zh: '科隆经济日' } }),
      });
      expect(proposed.status).toBe(202);
      const location = new URL(proposed.headers.get('location') ?? '').pathname;
      const proposal = (await (await api(location, { headers: bearer })).json()) as { id: string; status: string; action: string };
      expect(proposal).toMatchObject({ status: 'open', action: 'change', event: event.id, baseRevision: 1 });
      // Nothing public changed.
      expect(await (await api(`/api/v1/events/${event.id}`)).json()).toMatchObject({ revision: 1, title: { de: 'Kölner Wirtschaftstag' } });
      expect(await (await api('/cities/koeln/calendar.ics')).text()).not.toContain('科隆经济日');
      // The secretariat sees it with its change, and approves it in the editor.
      const list = pageText(await (await secretariat.get('/editor/proposals?lang=de')).text());
      expect(list).toContain('Änderung: Kölner Wirtschaftstag');
      const shown = pageText(await (await secretariat.get(`/editor/proposals/${proposal.id}?lang=de`)).text());
      expect(shown).toMatch(/Titel \(中文\)\s+科隆经济日/);
      expect(shown).toContain('vorgeschlagen von 佛山市商务局');
      // A city editor cannot decide it.
      const self = await signIn(token);
      expect((await self.post(`/editor/proposals/${proposal.id}?lang=zh`, { action: 'approve' })).status).toBe(403);
      const approved = await secretariat.post(`/editor/proposals/${proposal.id}?lang=de`, { action: 'approve' });
      expect(approved.status).toBe(303);
      const after = (await (await api(`/api/v1/events/${event.id}`)).json()) as { revision: number; title: Record<string, string> };
      expect(after).toMatchObject({ revision: 2, title: { zh: '科隆经济日' } });
      expect(parseWithIcalJs(await (await api('/cities/koeln/calendar.ics?lang=zh')).text()).map((e) => e.summary)).toContain('科隆经济日');
      const history = pageText(await (await secretariat.get(`/editor/events/${event.id}/history?lang=de`)).text());
      expect(history).toContain('佛山市商务局 ✓ admin');
      // Approving twice changes nothing.
      expect((await secretariat.post(`/editor/proposals/${proposal.id}?lang=de`, { action: 'approve' })).status).toBe(409);
      // A second proposal is rejected with a reason the proposer reads; a stale one cannot be approved.
      const cancel = await api(`/api/v1/events/${event.id}`, {
        method: 'DELETE',
        headers: { ...bearer, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: '日期冲突' }),
      });
      expect(cancel.status).toBe(202);
      const cancelId = new URL(cancel.headers.get('location') ?? '').pathname.split('/').at(-1) ?? '';
      expect((await secretariat.post(`/editor/proposals/${cancelId}?lang=de`, { action: 'reject', reason: ' ' })).status).toBe(400);
      const rejected = await api(`/api/v1/proposals/${cancelId}/reject`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: 'Der Termin steht fest.' }),
      });
      expect(rejected.status).toBe(200);
      const seen = pageText(await (await self.get(`/editor/proposals/${cancelId}?lang=zh`)).text());
      expect(seen).toContain('Der Termin steht fest.');
      expect(seen).toContain('已拒绝');
      expect(((await (await api(`/api/v1/events/${event.id}`)).json()) as { status: string }).status).toBe('confirmed');
      const stale = await api(`/api/v1/events/${event.id}`, {
        method: 'PATCH',
        headers: { ...bearer, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r2"' },
        body: JSON.stringify({ location: 'Gürzenich' }),
      });
      const staleId = new URL(stale.headers.get('location') ?? '').pathname.split('/').at(-1) ?? '';
      await api(`/api/v1/events/${event.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r2"' },
        body: JSON.stringify({ location: 'Messe Köln' }),
      });
      const refused = await api(`/api/v1/proposals/${staleId}/approve`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${WRITE_TOKEN}` },
      });
      expect(refused.status).toBe(412);
      expect(((await (await api(`/api/v1/events/${event.id}`)).json()) as { location: string }).location).toBe('Messe Köln');
    });

    it('lets the secretariat add a city with its membership and change its names, with history; periods are checked', async () => {
      const secretariat = await signIn(WRITE_TOKEN);
      const city = {
        slug: 'hanau',
        name_de: 'Hanau',
        name_en: 'Hanau',
        name_zh: '哈瑙',
        country: 'DE',
        subdivision: 'DE-HE',
        m0_status: 'member',
        m0_from: '2017-10-13',
      };
      const overlapping = await secretariat.post('/editor/cities/new?lang=de', {
        ...city,
        m0_status: 'observer',
        m0_from: '2015',
        m0_to: '2018',
        m1_status: 'member',
        m1_from: '2017-10-13',
      });
      expect(overlapping.status).toBe(400);
      expect(await overlapping.text()).toContain('id="m1_from-error"');
      const taken = await secretariat.post('/editor/cities/new?lang=de', { ...city, name_zh: '科隆' });
      expect(taken.status).toBe(400);
      expect(await taken.text()).toContain('id="name_zh-error"');
      const created = await secretariat.post('/editor/cities/new?lang=de', city);
      expect(created.status).toBe(303);
      expect(created.headers.get('location')).toBe('/editor/cities/hanau?lang=de&saved=1');
      const read = (await (await api('/api/v1/cities/哈瑙')).json()) as { slug: string; subdivision: string; memberships: unknown[] };
      expect(read).toMatchObject({ slug: 'hanau', subdivision: 'DE-HE', memberships: [{ status: 'member', from: '2017-10-13' }] });
      // Alliance-wide events after the city became a member reach its listing.
      const listing = (await (await api('/api/v1/events?city=hanau&from=2017-01-01')).json()) as {
        items: Array<{ audience: string | null }>;
      };
      expect(listing.items.some((e) => e.audience === 'all')).toBe(true);
      const renamed = await secretariat.post('/editor/cities/hanau?lang=en', {
        ...city,
        name_en: 'Hanau (Hesse)',
        aliases: 'Brüder-Grimm-Stadt Hanau',
      });
      expect(renamed.status).toBe(200);
      const page = pageText(await renamed.text());
      expect(page).toMatch(/Revision 2 · admin, .* UTC/);
      expect(page).toMatch(/Revision 1 · admin/);
      expect(((await (await api('/api/v1/cities/Brüder-Grimm-Stadt Hanau')).json()) as { slug: string }).slug).toBe('hanau');
      const editor = await secretariat.post('/editor/accounts?lang=de', {
        label: 'Redaktion Hanau',
        role: 'city-editor',
        lang: 'de',
        account_cities: 'hanau',
      });
      const token = /<code class="token">([^<]+)<\/code>/.exec(await editor.text())?.[1] ?? '';
      const cityEditor = await signIn(token);
      expect((await cityEditor.get('/editor/cities/hanau?lang=de')).status).toBe(403);
      expect((await cityEditor.post('/editor/cities/hanau?lang=de', city)).status).toBe(403);
    });

    it('exports every event as a spreadsheet Excel reads: BOM, CRLF, headers in the language, the API’s values', async () => {
      const res = await api('/api/v1/events.csv?lang=zh');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="isa-events.zh.csv"/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain('\r\n');
      const [header, ...rows] = parseCsv(text, { bom: true }) as string[][];
      expect(header?.slice(0, 3)).toEqual(['ID', '类型', '标题（德文）']);
      const column = (name: string) => header?.indexOf(name) ?? -1;
      const plenary = rows.find((row) => row[0] === 'isa-plenary-2018');
      const event = (await (await api('/api/v1/events/isa-plenary-2018')).json()) as { title: Record<string, string>; revision: number };
      expect(plenary?.[column('标题（中文）')]).toBe(event.title.zh ?? '');
      expect(plenary?.[column('版本')]).toBe(String(event.revision));
      expect(plenary?.[column('城市')]).toContain('佛山');
      const all = (await (await api('/api/v1/events?from=1900-01-01&limit=500')).json()) as { items: unknown[] };
      expect(rows.length).toBe(all.items.length);
      expect((await api('/api/v1/events.csv?city=Nowhere')).status).toBe(404);
    });

    it('limits failed sign-ins per client address (429)', async () => {
      const { fetch, origin } = target();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch('/editor/sign-in', {
          method: 'POST',
          headers: { ...CLIENT, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form({ token: `wrong-${i}` }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toContain(429);
      expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    });
  });
}
