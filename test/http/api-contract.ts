/**
 * The read API's contract, run against both runtimes: Node + a real SQLite file (api.node.test.ts) and
 * workerd + D1 (test/workers/api.workers.test.ts). Each runtime serves the seed set.
 */
import { describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { currentStatus } from '../../src/core/cities/membership.js';
import { seedCities } from '../../src/storage/seed.js';
import { ownSeedEvents, SEEDS_IN_ORDER, seedEvent } from '../fixtures/seeds.js';

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

interface EventItem {
  id: string;
  kind: string;
  cities: string[];
  participants: string[];
  precision: string;
  start: Record<string, string> | null;
  end: Record<string, string> | null;
  displayTitle: string;
  lang: string;
  [key: string]: unknown;
}
interface ErrorBody {
  error: { status: number; code: string; message: string; field?: string };
}

/** Checks that each path answers its status in the JSON error envelope with its code (and field, if given). */
export async function expectErrors(
  get: Fetch,
  cases: ReadonlyArray<readonly [path: string, status: number, code: string, field?: string]>,
): Promise<void> {
  for (const [path, status, code, field] of cases) {
    const res = await get(path);
    expect(res.status, path).toBe(status);
    expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
    const body = (await res.json()) as ErrorBody;
    expect(body.error, path).toMatchObject({ status, code, ...(field && { field }) });
    expect(body.error.message.length, path).toBeGreaterThan(0);
  }
}

/** Registers the read-API suite; `getFetch` is called in each test, after the runtime's setup ran. */
export function describeReadApi(runtime: string, getFetch: () => Fetch): void {
  const get = (path: string, init?: RequestInit) => getFetch()(path, init);
  const ids = async (path: string) => ((await (await get(path)).json()) as { items: EventItem[] }).items.map((e) => e.id);

  describe(`read API on ${runtime}`, () => {
    it('answers /healthz when the database answers', async () => {
      const res = await get('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, writes: expect.stringMatching(/^(ok|disabled)$/) });
    });

    it('lists Köln since 2017 with the 24 April 2017 admission, under every spelling of the city', async () => {
      const res = await get('/api/v1/events?city=K%C3%B6ln&from=2017-01-01');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = await res.text();
      const items = (JSON.parse(body) as { items: EventItem[] }).items;
      const admission = items.find((e) => e.id === 'isa-member-meeting-2017-koeln-admission');
      expect(admission?.start).toEqual({ date: '2017-04-24' });
      for (const name of ['%E7%A7%91%E9%9A%86', 'cologne', 'koeln', 'KOELN', 'koln', 'K%C3%B6LN']) {
        expect(await (await get(`/api/v1/events?city=${name}&from=2017-01-01`)).text(), name).toBe(body);
      }
    });

    it('resolves any name, alias or apostrophe of a city to the same city', async () => {
      const cases: Array<[string, string]> = [
        ["Ma'anshan", 'maanshan'],
        ['Ma%E2%80%99anshan', 'maanshan'],
        ['maanshan', 'maanshan'],
        ['%E9%A9%AC%E9%9E%8D%E5%B1%B1', 'maanshan'],
        ['Raunheim', 'drei-gewinnt'],
        ['R%C3%BCsselsheim%20am%20Main', 'drei-gewinnt'],
        ['Freiburg', 'schwarzwald'],
        ['%E4%BD%9B%E5%B1%B1', 'foshan'],
        ['Zhuzhouan', 'zhuzhou'],
        ["bao'an", 'baoan'],
        ['Nuremberg', 'nuernberg'],
      ];
      for (const [name, slug] of cases) {
        const res = await get(`/api/v1/cities/${name}`);
        expect(res.status, name).toBe(200);
        expect(((await res.json()) as { slug: string }).slug, name).toBe(slug);
      }
    });

    it('regression: 佛山市, 科隆市, 台州市 and the Chinese names of German members answered 404', async () => {
      for (const [name, slug] of [
        ['佛山市', 'foshan'],
        ['科隆市', 'koeln'],
        ['台州市', 'taizhou'],
        ['乌珀塔尔', 'wuppertal'],
        ['伍珀塔尔市', 'wuppertal'],
        ['因戈尔施塔特', 'ingolstadt'],
        ['弗莱堡', 'schwarzwald'],
        ['宝安区', 'baoan'],
      ] as const) {
        const res = await get(`/api/v1/cities/${encodeURIComponent(name)}`);
        expect(res.status, name).toBe(200);
        expect(((await res.json()) as { slug: string }).slug, name).toBe(slug);
      }
      expect((await get(`/cities/${encodeURIComponent('佛山市')}/calendar.ics`)).status).toBe(200);
    });

    it('lists the cities with their membership periods, standing and derived member flags', async () => {
      const items = (
        (await (await get('/api/v1/cities')).json()) as {
          items: Array<{
            country: string;
            member: boolean;
            memberSince: string | null;
            status: string | null;
            memberships: Array<{ status: string; from: string; admittedAt?: string }>;
            subdivision: string | null;
            slug: string;
            name: { zh: string };
          }>;
        }
      ).items;
      const seeds = seedCities(SEED_SET);
      expect(items.map((c) => c.slug).sort()).toEqual(seeds.map((c) => c.slug).sort());
      for (const city of seeds) {
        const item = items.find((c) => c.slug === city.slug);
        expect(item?.status, city.slug).toBe(currentStatus(city));
        expect(item?.member, city.slug).toBe(currentStatus(city) === 'member');
        expect(item?.memberships, city.slug).toEqual(city.memberships);
      }
      const koeln = items.find((c) => c.slug === 'koeln');
      expect(koeln).toMatchObject({ member: true, memberSince: '2017-04-24', subdivision: 'DE-NW', status: 'member' });
      expect(koeln?.memberships[0]?.admittedAt).toBe('isa-member-meeting-2017-koeln-admission');
      expect(items.find((c) => c.slug === 'hannover')).toMatchObject({ member: false, memberSince: null, status: null, memberships: [] });
      expect(items.find((c) => c.slug === 'dortmund')).toMatchObject({ member: false, status: 'guest' });
      expect(items.find((c) => c.slug === 'osnabrueck')).toMatchObject({ member: false, status: 'former' });
      expect(items.filter((c) => c.member && c.country === 'DE').length).toBeGreaterThanOrEqual(19);
      expect(items.filter((c) => c.member && c.country === 'CN').length).toBeGreaterThanOrEqual(25);
      expect(items.find((c) => c.slug === 'foshan')?.name.zh).toBe('佛山');
    });

    it("holds a city's venue, participant and alliance-wide events of its member periods", async () => {
      const all = '&from=2000-01-01&limit=500';
      const foshan = await ids(`/api/v1/events?city=foshan${all}`);
      expect(foshan).toEqual(
        expect.arrayContaining(['isa-plenary-2018', 'solingen-guangdong-trip-2018', 'internet-plus-fair-foshan-2018', 'isa-founding-2016']),
      );
      expect(foshan).not.toContain('hax-accelerator-shenzhen-2018');
      const solingen = await ids(`/api/v1/events?city=solingen${all}`);
      expect(solingen).toEqual(
        expect.arrayContaining([
          'isa-plenary-2017-10-taizhou',
          'isa-plenary-2018',
          'isa-fachtagung-solingen-2018',
          'hax-accelerator-shenzhen-2018',
        ]),
      );
      // Solingen was admitted at the Taizhou plenary of October 2017: not a member for the meetings before.
      expect(solingen).not.toContain('isa-founding-2016');
      expect(solingen).not.toContain('isa-member-meeting-2017-koeln-admission');
      // Hamburg was admitted at the sixth plenary (October 2018).
      const hamburg = await ids(`/api/v1/events?city=hamburg${all}`);
      expect(hamburg).toContain('isa-plenary-2018');
      expect(hamburg).not.toContain('isa-plenary-2018-04-hannover');
      // Hannover and Shenzhen are venues, not members: their own events only, in order.
      expect(await ids(`/api/v1/events?city=hannover${all}`)).toEqual(ownSeedEvents('hannover'));
      expect(await ids(`/api/v1/events?city=shenzhen${all}`)).toEqual(ownSeedEvents('shenzhen'));
    });

    it('orders by the earliest possible instant, a start-unknown item by its end', async () => {
      const items = ((await (await get('/api/v1/events?from=2000-01-01&limit=500')).json()) as { items: EventItem[] }).items;
      expect(items.map((e) => e.id)).toEqual(SEEDS_IN_ORDER.map((e) => e.id));
      // The Dresden delegation (start unknown) sorts by its end, 2 November 2018.
      const ids2018 = items.map((e) => e.id);
      expect(ids2018.indexOf('dresden-delegation-jinan-2018')).toBeGreaterThan(ids2018.indexOf('isa-plenary-2018'));
      const dresden = items.find((e) => e.id === 'dresden-delegation-jinan-2018');
      expect(dresden).toMatchObject({ start: null, end: { date: '2018-11-02' }, precision: 'day' });
      expect(items.find((e) => e.id === 'isa-fachtagung-solingen-2018')).toMatchObject({ precision: 'month', start: { month: '2018-07' } });
      expect(items.find((e) => e.id === 'jinan-dresden-contact-office-2013')).toMatchObject({ precision: 'year', start: { year: '2013' } });
    });

    it('filters by overlap with [from, to]: month and year items cover their whole period', async () => {
      expect(await ids('/api/v1/events?city=solingen&from=2018-07-31&to=2018-07-31')).toEqual(['isa-fachtagung-solingen-2018']);
      expect(await ids('/api/v1/events?city=solingen&from=2018-08-01&to=2018-09-29')).toEqual([]);
      // October in Foshan begins at 2018-09-30T16:00Z, while 30 September still runs in Solingen.
      expect(await ids('/api/v1/events?city=solingen&from=2018-09-30&to=2018-09-30')).toEqual(['internet-plus-fair-foshan-2018']);
      expect(await ids('/api/v1/events?from=2013-12-31T22:59:59Z&to=2013-12-31T23:00:00Z')).toEqual(['jinan-dresden-contact-office-2013']);
      // 2013 in Berlin ends at 2013-12-31T23:00Z.
      expect(await ids('/api/v1/events?from=2013-12-31T23:00:00Z&to=2014-01-01T00:00:00Z')).toEqual([]);
      // Bare dates are days in the city's zone: 24 Oct in Foshan, from 2018-10-23T16:00Z.
      expect(await ids('/api/v1/events?city=foshan&from=2018-10-24&to=2018-10-24&kind=plenary')).toEqual(['isa-plenary-2018']);
      expect(await ids('/api/v1/events?from=2018-10-24T16:00:00Z&to=2018-10-24T23:00:00Z&kind=plenary')).toEqual([]);
      // ?tz moves a bare date: 25 Oct in Berlin starts 2018-10-24T22:00Z, after the plenary day in Shanghai ended.
      expect(await ids('/api/v1/events?from=2018-10-25&to=2018-10-25&tz=Europe/Berlin&kind=plenary')).toEqual([]);
      expect(await ids('/api/v1/events?from=2018-10-24&to=2018-10-24&tz=CST&kind=plenary')).toEqual(['isa-plenary-2018']);
    });

    it('filters by kind, several kinds comma-separated', async () => {
      const expected = SEEDS_IN_ORDER.filter((e) => e.kind === 'plenary' || e.kind === 'member-meeting').map((e) => e.id);
      expect(expected).toContain('isa-plenary-2018');
      expect(await ids('/api/v1/events?from=2000-01-01&kind=plenary,member-meeting')).toEqual(expected);
    });

    it('selects by audience and by related items, and answers a bad value with 400 naming it', async () => {
      const all = '/api/v1/events?from=2000-01-01&limit=500';
      const expected = (test: (e: (typeof SEEDS_IN_ORDER)[number]) => boolean) => SEEDS_IN_ORDER.filter(test).map((e) => e.id);
      expect(expected((e) => e.audience === 'DE')).toContain('isa-fachtagung-solingen-2018');
      expect(expected((e) => e.related)).toContain('raunheim-business-dialogue-2015');
      expect(await ids(`${all}&audience=DE`)).toEqual(expected((e) => e.audience === 'DE'));
      expect(await ids(`${all}&audience=all`)).toEqual(expected((e) => e.audience === 'all'));
      expect(await ids(`${all}&related=only`)).toEqual(expected((e) => e.related));
      expect(await ids(`${all}&related=exclude`)).toEqual(expected((e) => !e.related));
      expect(await ids(`${all}&related=include`)).toEqual(expected(() => true));
      expect(await ids(`${all}&city=solingen&related=exclude&kind=conference`)).toEqual(
        (await ids(`${all}&city=solingen&kind=conference`)).filter((id) => !expected((e) => e.related).includes(id)),
      );
      await expectErrors(getFetch(), [
        ['/api/v1/events?audience=de', 400, 'invalid_input', 'query.audience'],
        ['/api/v1/events?related=maybe', 400, 'invalid_input', 'query.related'],
        ['/calendar.ics?audience=XX', 400, 'invalid_input', 'query.audience'],
        ['/feed.atom?related=none', 400, 'invalid_input', 'query.related'],
        ['/calendar.a-XX.ics', 404, 'not_found'],
        ['/feed.r-maybe.en.rss', 404, 'not_found'],
      ]);
    });

    it('serves the file-style names of a selection as the query form, named for people', async () => {
      for (const [file, query] of [
        ['/calendar.a-DE.en.ics', '/calendar.ics?audience=DE&lang=en'],
        ['/cities/foshan/calendar.plenary.r-exclude.zh.ics', '/cities/foshan/calendar.ics?kind=plenary&related=exclude&lang=zh'],
        ['/feed.r-only.de.atom', '/feed.atom?related=only'],
        ['/cities/koeln/feed.a-all.r-exclude.en.json', '/cities/koeln/feed.json?audience=all&related=exclude&lang=en'],
      ] as const) {
        const [a, b] = [await get(file), await get(query)];
        expect(a.status, file).toBe(200);
        expect(a.headers.get('etag'), file).toBe(b.headers.get('etag'));
        expect(await a.text(), file).toBe(await b.text());
      }
      const german = await (await get('/calendar.a-DE.de.ics')).text();
      expect(german).toContain('X-WR-CALNAME:ISA – alle Termine (deutsche Mitglieder)');
      const ics = await (await get('/calendar.r-only.en.ics')).text();
      expect(ics).toContain('X-WR-CALNAME:ISA – all events (related items only)');
    });

    it('defaults from to now: past items are not upcoming', async () => {
      expect(await ids('/api/v1/events')).toEqual([]);
    });

    it('pages with an opaque cursor that returns every event exactly once', async () => {
      const seen: string[] = [];
      let path = '/api/v1/events?from=2000-01-01&limit=3';
      for (let i = 0; i < 100; i++) {
        const body = (await (await get(path)).json()) as { items: EventItem[]; next: string | null };
        expect(body.items.length).toBeLessThanOrEqual(3);
        seen.push(...body.items.map((e) => e.id));
        if (!body.next) break;
        path = `/api/v1/events?from=2000-01-01&limit=3&cursor=${encodeURIComponent(body.next)}`;
      }
      expect(seen).toEqual(await ids('/api/v1/events?from=2000-01-01&limit=500'));
      expect(new Set(seen).size).toBe(SEED_SET.events.length);
    });

    it('serves one event with its revision ETag, in the requested language with fallback', async () => {
      const plenary = seedEvent('isa-plenary-2018');
      expect(plenary.sources[0]?.ref).toBe('solingen-china-trip-2018');
      const res = await get('/api/v1/events/isa-plenary-2018?lang=zh');
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"r1"');
      const event = (await res.json()) as EventItem;
      expect(event).toMatchObject({
        id: 'isa-plenary-2018',
        uid: 'isa-plenary-2018@isa-calendar.invalid',
        kind: 'plenary',
        status: 'confirmed',
        allianceWide: true,
        revision: 1,
        lang: 'zh',
        audience: 'all',
        related: false,
        displayTitle: plenary.title.zh,
        cities: ['foshan'],
        participants: plenary.participants,
        timeZone: 'Asia/Shanghai',
        precision: 'day',
        allDay: true,
        start: { date: '2018-10-24' },
        end: { date: '2018-10-24' },
        sources: plenary.sources,
        // The single-source shape of earlier clients: the first citation, expanded.
        source: {
          ref: 'solingen-china-trip-2018',
          title: 'Solinger Wirtschaftsförderung reist nach China',
          file: '001_d5edee3b1a0def57.txt',
        },
      });
      const again = await get('/api/v1/events/isa-plenary-2018', { headers: { 'If-None-Match': '"r1"' } });
      expect(again.status).toBe(304);
    });

    it('serves the source catalogue that events cite', async () => {
      const { items } = (await (await get('/api/v1/sources')).json()) as { items: Array<{ id: string; title: string; url?: string }> };
      expect(items.map((s) => s.id)).toContain('dresden-delegation-2018');
      expect(items.find((s) => s.id === 'dresden-delegation-2018')).toMatchObject({
        publisher: 'Landeshauptstadt Dresden',
        date: '2018-11-01',
        url: expect.stringMatching(/^https:\/\/www\.dresden\.de\//),
      });
    });

    it('opens GET to other origins (CORS)', async () => {
      const res = await get('/api/v1/events?from=2018-01-01', { headers: { Origin: 'https://example.org' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('answers bad input with a 4xx envelope naming the parameter, never a 500', async () => {
      await expectErrors(getFetch(), [
        ['/api/v1/events?city=Atlantis', 404, 'unknown_city', 'query.city'],
        ['/api/v1/cities/Atlantis', 404, 'unknown_city', 'city'],
        ['/api/v1/events/no-such-event', 404, 'not_found'],
        ['/api/v1/events?from=yesterday', 400, 'invalid_time', 'query.from'],
        ['/api/v1/events?from=2018-02-30', 400, 'invalid_time', 'query.from'],
        ['/api/v1/events?to=2018-10-24T25:00:00Z', 400, 'invalid_time', 'query.to'],
        ['/api/v1/events?from=2018-10-24&to=2018-10-01', 400, 'invalid_input', 'query.to'],
        ['/api/v1/events?limit=0', 400, 'invalid_input', 'query.limit'],
        ['/api/v1/events?limit=501', 400, 'invalid_input', 'query.limit'],
        ['/api/v1/events?limit=ten', 400, 'invalid_input', 'query.limit'],
        ['/api/v1/events?cursor=not-a-cursor', 400, 'invalid_input', 'query.cursor'],
        ['/api/v1/events?tz=PST', 400, 'unknown_zone', 'query.tz'],
        ['/api/v1/events?tz=Mars/Olympus', 400, 'unknown_zone', 'query.tz'],
        ['/api/v1/events?kind=party', 400, 'invalid_input', 'query.kind'],
        ['/api/v1/events?lang=fr', 400, 'invalid_input', 'query.lang'],
        ['/api/v1/nothing-here', 404, 'not_found'],
      ]);
    });
  });
}
