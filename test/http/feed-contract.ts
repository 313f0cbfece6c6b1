/**
 * Feed behaviour over HTTP, run on both runtimes against the seed set. XML is checked with fast-xml-parser
 * (loads in workerd); the Node suite also reads every format with the full parsers (feeds.node.test.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { SEEDS_IN_ORDER } from '../fixtures/seeds.js';
import { expectErrors, type Fetch } from './api-contract.js';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Registers the feed suite; `getFetch` is called in each test. */
export function describeFeeds(runtime: string, getFetch: () => Fetch): void {
  const get = (path: string, init?: RequestInit) => getFetch()(path, init);
  const apiIds = async (query: string) =>
    ((await (await get(`/api/v1/events?from=2000-01-01&limit=500&${query}`)).json()) as { items: Array<{ id: string }> }).items
      .map((e) => e.id)
      .sort();
  const feedIds = async (path: string) => {
    const doc = xml.parse(await (await get(path)).text());
    return asArray<{ id: string }>(doc.feed.entry)
      .map((e) => e.id.replace(/^tag:[^:]+:event:([a-z0-9-]+)\/.*$/, '$1'))
      .sort();
  };

  describe(`feeds on ${runtime}`, () => {
    it('serves the three formats with their content types and validators', async () => {
      for (const [path, type] of [
        ['/feed.rss', 'application/rss+xml; charset=utf-8'],
        ['/feed.atom', 'application/atom+xml; charset=utf-8'],
        ['/feed.json', 'application/feed+json; charset=utf-8'],
        ['/cities/koeln/feed.atom?lang=zh', 'application/atom+xml; charset=utf-8'],
        ['/feeds.opml', 'text/x-opml; charset=utf-8'],
      ] as const) {
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toBe(type);
        const etag = res.headers.get('etag') ?? '';
        expect(etag, path).toMatch(/^"[^"]+"$/);
        const body = await res.text();
        if (!path.includes('.json')) expect(XMLValidator.validate(body), path).toBe(true);
        expect((await get(path, { headers: { 'If-None-Match': etag } })).status, path).toBe(304);
        expect((await get(path, { headers: { 'If-Modified-Since': res.headers.get('last-modified') ?? '' } })).status, path).toBe(304);
        const head = await get(path, { method: 'HEAD' });
        expect(head.headers.get('etag'), path).toBe(etag);
        expect(await head.text(), path).toBe('');
      }
    });

    it("holds exactly a city's events (venue, participant, alliance-wide), and filters by kind", async () => {
      for (const city of ['solingen', 'foshan', 'shenzhen', 'hannover', 'hamburg', 'koeln']) {
        expect(await feedIds(`/cities/${city}/feed.atom`), city).toEqual(await apiIds(`city=${city}`));
      }
      expect(await feedIds('/cities/foshan/feed.atom?kind=plenary,fair')).toEqual(await apiIds('city=foshan&kind=plenary,fair'));
      expect(await feedIds('/feed.atom')).toEqual(await apiIds(''));
    });

    it('orders upcoming first, then the recent past latest first, and opens JSON Feed to other origins', async () => {
      const doc = JSON.parse(await (await get('/feed.json', { headers: { Origin: 'https://example.org' } })).text()) as {
        items: Array<{ id: string }>;
      };
      // The seed events are all past: latest first.
      expect(doc.items.map((i) => i.id.replace(/^.*:event:|\/.*$/g, ''))).toEqual(SEEDS_IN_ORDER.map((e) => e.id).reverse());
      const cors = await get('/cities/foshan/feed.json', { headers: { Origin: 'https://example.org' } });
      expect(cors.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('lists every feed in the OPML, one format per list, titled by city, format and language', async () => {
      const cities = ((await (await get('/api/v1/cities')).json()) as { items: unknown[] }).items.length;
      for (const [path, ext] of [
        ['/feeds.en.opml', 'rss'],
        ['/feeds.rss.en.opml', 'rss'],
        ['/feeds.atom.en.opml', 'atom'],
        ['/feeds.json.en.opml', 'json'],
      ] as const) {
        const doc = xml.parse(await (await get(path)).text());
        const groups = asArray<{ text: string; outline: unknown }>(doc.opml.body.outline);
        const feeds = groups.flatMap((g) => asArray<{ xmlUrl: string; title: string }>(g.outline as never));
        expect(feeds, path).toHaveLength(cities + 1);
        for (const feed of feeds) expect(feed.xmlUrl, path).toMatch(new RegExp(`/feed\\.en\\.${ext}$`));
        expect(feeds[0]?.xmlUrl, path).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feed\.en\./);
        expect(feeds.find((f) => f.xmlUrl.includes('/cities/koeln/'))?.title, path).toMatch(
          /^ISA – Cologne \((RSS|Atom|JSON Feed), English\)$/,
        );
      }
      expect(await (await get('/feeds.opml')).text()).toBe(await (await get('/feeds.rss.de.opml')).text());
    });

    it('regression: readers lost items that appear in two feeds; each feed gives an event an id of its own', async () => {
      const idsOf = async (path: string) => asArray<{ id: string }>(xml.parse(await (await get(path)).text()).feed.entry).map((e) => e.id);
      const koeln = await idsOf('/cities/koeln/feed.atom');
      const all = await idsOf('/feed.atom');
      expect(koeln.length).toBeGreaterThan(0);
      for (const id of koeln) expect(all).not.toContain(id);
      // Every spelling of one feed is one feed: the same ids.
      expect(await idsOf('/cities/K%C3%B6ln/feed.de.atom')).toEqual(koeln);
      expect(koeln[0]).toMatch(/^tag:isa-calendar\.invalid,2016:event:[a-z0-9-]+\/cities\/koeln\/feed\.de\.atom$/);
    });

    it('serves the same document under its file-style name (for static hosting)', async () => {
      const byQuery = await get('/cities/foshan/feed.atom?lang=zh&kind=plenary');
      const byName = await get('/cities/foshan/feed.plenary.zh.atom');
      const body = await byQuery.text();
      expect(await byName.text()).toBe(body);
      expect(byName.headers.get('etag')).toBe(byQuery.headers.get('etag'));
      expect(xml.parse(body).feed.link).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rel: 'self', href: expect.stringMatching(/\/cities\/foshan\/feed\.plenary\.zh\.atom$/) }),
        ]),
      );
      expect(await (await get('/calendar.plenary.en.ics')).text()).toBe(await (await get('/calendar.ics?kind=plenary&lang=en')).text());
      expect(await (await get('/feeds.en.opml')).text()).toBe(await (await get('/feeds.opml?lang=en')).text());
    });

    it('answers bad feed requests in the JSON error envelope', async () => {
      await expectErrors(getFetch(), [
        ['/cities/atlantis/feed.rss', 404, 'unknown_city'],
        ['/feed.atom?lang=fr', 400, 'invalid_input'],
        ['/feed.json?kind=party', 400, 'invalid_input'],
        ['/feed.xml', 404, 'not_found'],
        ['/feed.party.atom', 404, 'not_found'],
        ['/feed.de.en.atom', 404, 'not_found'],
      ]);
    });
  });
}
