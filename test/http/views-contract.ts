/**
 * The month view, the agenda, search and the embeds over HTTP, run on both runtimes against the seeds at the
 * test clock (2026-12-02): addresses and their static paths, months outside the range, filters kept in links
 * and subscribe boxes, search in three languages through the database's full-text index, framing rules.
 */
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Fetch } from './api-contract.js';

interface Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  value?: string;
}

/** A node and everything inside it (a real HTML parser, as a browser reads the page). */
function descendants(node: Node): Node[] {
  return [node, ...(node.childNodes ?? []).flatMap(descendants)];
}

const elements = (html: string): Node[] => descendants(parse(html) as unknown as Node);
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const hrefsIn = (nodes: Node[]) => nodes.flatMap((n) => (n.nodeName === 'a' && attr(n, 'href') ? [attr(n, 'href') as string] : []));
const hrefs = (html: string) => hrefsIn(elements(html));
const text = (node: Node): string => (node.value ?? '') + (node.childNodes ?? []).map(text).join('');

/** The links to events in the grid's cell of a day. */
function cell(html: string, date: string): string[] {
  const td = elements(html).find(
    (n) => n.nodeName === 'td' && descendants(n).some((d) => d.nodeName === 'time' && attr(d, 'datetime') === date),
  );
  return td ? hrefsIn(descendants(td)).filter((h) => h.startsWith('/events/')) : [];
}

export function describeViews(runtime: string, getFetch: () => Fetch): void {
  const get = async (path: string, init?: RequestInit) => {
    const res = await getFetch()(path, init);
    return { res, html: await res.text() };
  };

  describe(`month, agenda, search, embeds (${runtime})`, () => {
    it('shows a month with each event on its day, in three languages, at both addresses', async () => {
      for (const lang of ['de', 'en', 'zh'] as const) {
        const { res, html } = await get(`/month/2018-10.${lang}.html`);
        expect(res.status, lang).toBe(200);
        expect(html).toContain(`<html lang="${lang}">`);
        expect(cell(html, '2018-10-24'), lang).toContain(`/events/isa-plenary-2018.${lang}.html`);
        expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      }
      const query = await get('/month/2018-10?lang=zh');
      expect(query.html).toBe((await get('/month/2018-10.zh.html')).html);
      expect(query.html).toContain('2018年10月');
      const city = await get('/cities/foshan/month/2018-10.en.html');
      expect(city.res.status).toBe(200);
      expect(cell(city.html, '2018-10-24')).toContain('/events/isa-plenary-2018.en.html');
    });

    it('links previous and next to months that answer, and the current month', async () => {
      const { html } = await get('/month/2018-10.de.html');
      const links = hrefs(html).filter((h) => /\/month\/\d{4}-\d{2}\.de\.html/.test(h));
      expect(links.length).toBeGreaterThan(2);
      for (const link of new Set(links)) expect((await get(link)).res.status, link).toBe(200);
      const now = await get('/month', { redirect: 'manual' });
      expect(now.res.status).toBe(302);
      expect(now.res.headers.get('Location')).toMatch(/\/month\/2026-12$/);
    });

    it('answers 404 for months outside the range and for what is no month', async () => {
      for (const path of ['/month/2012-12', '/month/2028-01', '/month/2027-13', '/month/soon', '/cities/nowhere/month/2018-10']) {
        const { res, html } = await get(path);
        expect(res.status, path).toBe(404);
        expect(html).toContain('<!doctype html>');
      }
    });

    it('keeps filters in the URL, its links and its subscribe box', async () => {
      const { res, html } = await get('/month/2018-10.de.html?kind=plenary');
      expect(res.status).toBe(200);
      expect(cell(html, '2018-10-24')).toContain('/events/isa-plenary-2018.de.html');
      expect(html).not.toContain('/events/solingen-delegation-2018');
      expect(html).toContain('/calendar.plenary.de.ics');
      expect(html).toContain('/feed.plenary.de.rss');
      expect(hrefs(html).some((h) => /\/month\/\d{4}-\d{2}\.de\.html\?kind=plenary$/.test(h))).toBe(true);
      // The filter form sends one `kind` per checkbox: the same view.
      const form = await get('/month/2018-10.de.html?kind=plenary&kind=&audience=&related=include');
      expect(form.html).toBe(html);
      expect((await get('/month/2018-10?kind=party')).res.status).toBe(400);
      const moved = await get('/month/2018-10.de.html?city=Foshan&kind=plenary', { redirect: 'manual' });
      expect(moved.res.status).toBe(303);
      expect(moved.res.headers.get('Location')).toBe('/cities/foshan/month/2018-10.de.html?kind=plenary');
    });

    it('lists the agenda by month from a day, and refuses a day that is none', async () => {
      const { res, html } = await get('/agenda.en.html?from=2018-10-01');
      expect(res.status).toBe(200);
      expect(hrefs(html)).toContain('/month/2018-10.en.html');
      expect(hrefs(html)).toContain('/events/isa-plenary-2018.en.html');
      expect((await get('/cities/foshan/agenda?lang=zh&from=2018-10-01')).html).toContain('/events/isa-plenary-2018.zh.html');
      expect((await get('/agenda')).res.status).toBe(200);
      for (const bad of ['2018-02-30', '18-10-01', '2018-10-01T00:00'])
        expect((await get(`/agenda?from=${bad}`)).res.status, bad).toBe(400);
    });

    it('finds Chinese substrings, accent-less German words and kinds by name, through the full-text index', async () => {
      const finds = async (q: string, id: string) => {
        const { res, html } = await get(`/search?lang=de&q=${encodeURIComponent(q)}`);
        expect(res.status, q).toBe(200);
        expect(hrefs(html), q).toContain(`/events/${id}.de.html`);
      };
      await finds('全体大会', 'isa-plenary-2018');
      await finds('佛山', 'isa-plenary-2018');
      await finds('全体会议 佛山', 'isa-plenary-2018');
      await finds('Plenarversammlung Foshan', 'isa-plenary-2018');
      const koeln = hrefs((await get('/search?lang=de&q=K%C3%B6ln')).html).filter((h) => h.startsWith('/events/'));
      expect(koeln.length).toBeGreaterThan(0);
      for (const q of ['Koln', 'Koeln', 'koeln', 'KÖLN'])
        expect(
          hrefs((await get(`/search?lang=de&q=${encodeURIComponent(q)}`)).html).filter((h) => h.startsWith('/events/')),
          q,
        ).toEqual(koeln);
      const none = await get('/search?q=Zwetschgendatschi');
      expect(none.res.status).toBe(200);
      expect(hrefs(none.html).filter((h) => h.startsWith('/events/'))).toEqual([]);
      expect((await get(`/search?q=${'x'.repeat(201)}`)).res.status).toBe(400);
      expect((await get('/search?q=%22%29%20OR%20*')).res.status).toBe(200);
    });

    it('offers QR codes of the calendar and feed addresses in every subscribe box', async () => {
      for (const path of ['/month/2018-10.zh.html', '/cities/foshan/index.zh.html', '/index.de.html']) {
        const { html } = await get(path);
        expect(
          elements(html).filter((n) => n.nodeName === 'svg' && attr(n, 'class') === 'qr'),
          path,
        ).toHaveLength(2);
      }
    });

    it('lets only the embeds be framed, by anyone, with no script and no cookie', async () => {
      for (const path of ['/embed', '/embed.zh.html', '/embed/cities/foshan.en.html', '/embed/cities/Köln?lang=zh']) {
        const { res, html } = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('X-Frame-Options'), path).toBeNull();
        expect(res.headers.get('Content-Security-Policy'), path).toMatch(/frame-ancestors \*/);
        expect(res.headers.get('Content-Security-Policy'), path).toMatch(/default-src 'none'/);
        expect(res.headers.get('Set-Cookie'), path).toBeNull();
        expect(
          elements(html).some((n) => n.nodeName === 'script'),
          path,
        ).toBe(false);
      }
      expect((await get('/embed/cities/nowhere')).res.status).toBe(404);
      for (const path of ['/', '/month/2018-10', '/agenda', '/search?q=x', '/cities/foshan', '/embed/cities/nowhere']) {
        const { res } = await get(path);
        expect(res.headers.get('X-Frame-Options'), path).toBe('DENY');
        expect(res.headers.get('Content-Security-Policy'), path).toContain("frame-ancestors 'none'");
      }
      const snippet = elements((await get('/cities/foshan/index.de.html')).html).find((n) => n.nodeName === 'textarea');
      expect(snippet && text(snippet)).toMatch(/^<iframe src="https?:\/\/[^"]+\/embed\/cities\/foshan\.de\.html"/);
    });

    it('maps every member city, linked to its page, with no outline or border drawn, and lists them as text', async () => {
      const cities = (await (await getFetch()('/api/v1/cities')).json()) as { items: Array<{ slug: string; status: string | null }> };
      const standing = cities.items.filter((c) => c.status !== null);
      for (const lang of ['de', 'en', 'zh'] as const) {
        const { res, html } = await get(`/members.${lang}.html`);
        expect(res.status, lang).toBe(200);
        expect(res.headers.get('X-Frame-Options')).toBe('DENY');
        const maps = elements(html).filter((n) => n.nodeName === 'svg' && attr(n, 'class') === 'member-map');
        expect(maps, lang).toHaveLength(2);
        const inMaps = maps.flatMap(descendants);
        const markerLinks = hrefsIn(inMaps);
        for (const city of standing) expect(markerLinks, `${lang}: ${city.slug}`).toContain(`/cities/${city.slug}/index.${lang}.html`);
        // Points, labels, leader lines and a frame: nothing that could draw an outline.
        const drawn = new Set(inMaps.filter((n) => !n.nodeName.startsWith('#')).map((n) => n.nodeName));
        for (const name of drawn) expect(['svg', 'title', 'desc', 'rect', 'text', 'a', 'circle', 'line'], name).toContain(name);
        const list = elements(html).find((n) => n.nodeName === 'section' && attr(n, 'aria-labelledby') === 'member-list');
        expect(hrefsIn(list ? descendants(list) : []).length).toBe(standing.length);
        expect(html).toContain('GeoNames');
      }
      expect((await get('/members?lang=zh')).html).toBe((await get('/members.zh.html')).html);
      for (const link of new Set(hrefs((await get('/members.de.html')).html).filter((h) => h.startsWith('/cities/'))))
        expect((await get(link)).res.status, link).toBe(200);
    });
  });
}
