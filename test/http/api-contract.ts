/**
 * The read API's contract, run against both runtimes: Node + a real SQLite file (api.node.test.ts) and
 * workerd + D1 (test/workers/api.workers.test.ts). Each runtime serves the seed set.
 */
import { describe, expect, it } from 'vitest';

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

    it('lists the cities: 21 German and 14 Chinese members plus the venues', async () => {
      const items = (
        (await (await get('/api/v1/cities')).json()) as {
          items: Array<{ country: string; member: boolean; slug: string; name: { zh: string } }>;
        }
      ).items;
      expect(items.filter((c) => c.member && c.country === 'DE')).toHaveLength(21);
      expect(items.filter((c) => c.member && c.country === 'CN')).toHaveLength(14);
      expect(
        items
          .filter((c) => !c.member)
          .map((c) => c.slug)
          .sort(),
      ).toEqual(['dresden', 'hannover', 'jinan', 'shenzhen']);
      expect(items.find((c) => c.slug === 'foshan')?.name.zh).toBe('佛山');
    });

    it("holds a city's venue, participant and alliance-wide events from its membership on", async () => {
      const all = '&from=2000-01-01&limit=500';
      const foshan = await ids(`/api/v1/events?city=foshan${all}`);
      expect(foshan).toEqual(
        expect.arrayContaining(['isa-plenary-2018', 'solingen-guangdong-trip-2018', 'internet-plus-fair-foshan-2018']),
      );
      expect(foshan).not.toContain('hax-accelerator-shenzhen-2018');
      const solingen = await ids(`/api/v1/events?city=solingen${all}`);
      expect(solingen).toEqual(
        expect.arrayContaining([
          'isa-plenary-2018',
          'isa-member-meeting-2017-koeln-admission',
          'isa-fachtagung-solingen-2018',
          'hax-accelerator-shenzhen-2018',
        ]),
      );
      // Alliance-wide founding (April 2016) predates every known membership.
      expect(solingen).not.toContain('isa-founding-2016');
      // Hamburg is known as a member from 2021 only.
      expect(await ids(`/api/v1/events?city=hamburg${all}`)).toEqual([]);
      // Hannover is a venue, not a member: its own events only.
      expect(await ids(`/api/v1/events?city=hannover${all}`)).toEqual(['isa-founding-2016', 'isa-member-meeting-2017-koeln-admission']);
      // A multi-city event is in each of its cities' listings.
      expect(await ids(`/api/v1/events?city=shenzhen${all}`)).toEqual(['solingen-guangdong-trip-2018', 'hax-accelerator-shenzhen-2018']);
    });

    it('orders by the earliest possible instant, a start-unknown item by its end', async () => {
      const items = ((await (await get('/api/v1/events?from=2000-01-01&limit=500')).json()) as { items: EventItem[] }).items;
      expect(items.map((e) => e.id)).toEqual([
        'jinan-dresden-contact-office-2013',
        'isa-founding-2016',
        'solingen-membership-2017',
        'isa-member-meeting-2017-koeln-admission',
        'ibcs-founding-2018',
        'isa-fachtagung-solingen-2018',
        'internet-plus-fair-foshan-2018',
        'solingen-guangdong-trip-2018',
        'isa-plenary-2018',
        'hax-accelerator-shenzhen-2018',
        'dresden-delegation-jinan-2018',
      ]);
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
      expect(await ids('/api/v1/events?from=2000-01-01&kind=plenary,member-meeting')).toEqual([
        'isa-member-meeting-2017-koeln-admission',
        'isa-plenary-2018',
      ]);
    });

    it('defaults from to now: past items are not upcoming', async () => {
      expect(await ids('/api/v1/events')).toEqual([]);
    });

    it('pages with an opaque cursor that returns every event exactly once', async () => {
      const seen: string[] = [];
      let path = '/api/v1/events?from=2000-01-01&limit=3';
      for (let i = 0; i < 10; i++) {
        const body = (await (await get(path)).json()) as { items: EventItem[]; next: string | null };
        expect(body.items.length).toBeLessThanOrEqual(3);
        seen.push(...body.items.map((e) => e.id));
        if (!body.next) break;
        path = `/api/v1/events?from=2000-01-01&limit=3&cursor=${encodeURIComponent(body.next)}`;
      }
      expect(seen).toEqual(await ids('/api/v1/events?from=2000-01-01&limit=500'));
      expect(new Set(seen).size).toBe(11);
    });

    it('serves one event with its revision ETag, in the requested language with fallback', async () => {
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
        displayTitle: '中德工业城市联盟第六届全体大会（佛山）',
        cities: ['foshan'],
        participants: ['solingen'],
        timeZone: 'Asia/Shanghai',
        precision: 'day',
        allDay: true,
        start: { date: '2018-10-24' },
        end: { date: '2018-10-24' },
        sources: [{ ref: 'solingen-china-trip-2018', note: expect.stringContaining('24 October') }],
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
