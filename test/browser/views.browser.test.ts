/**
 * The month view, the agenda, search, the members' map and the embeds in Debian's Chromium against the real
 * Node server (the seeds): each in German, English and Chinese with no axe-core violation and no sideways
 * scrolling at 390 px; filters chosen in the form end up in the URL and in the subscribe box; search through the
 * header's form; the QR code, read back from the rendered pixels by a QR decoder, is the page's calendar address;
 * the embed inside an `<iframe>` of a page of another origin, with no cookie set. Screenshots of the month view
 * and the map (German and Chinese) are those of the README (docs/).
 */
import { copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, skipWithoutChromium, watchPage } from './chromium.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const LANGS = ['de', 'en', 'zh'] as const;

const skipBecause = skipWithoutChromium('the browser tests of the views');

describe.skipIf(skipBecause !== null)('month, agenda, search, members and embeds in Chromium', { timeout: 90_000 }, () => {
  const suite = browserSuite('views-browser-token');
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  /** A fresh context (its own cookies); bypassCSP only so that axe-core can run in the embed's strict policy. */
  async function open(path: string, width = 1280, lang = 'de-DE') {
    const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: lang, bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    const problems = watchPage(page, suite.origin);
    const response = await page.goto(`${suite.origin}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status(), path).toBe(200);
    return { context, page, problems };
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate('axe.run(document)')) as { violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> };
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  }

  const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  async function screenshot(page: Page, name: string, readme?: string) {
    const file = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (readme) copyFileSync(file, join(DOCS, readme));
  }

  it('month views, agendas, search and embeds in de/en/zh: no axe violation, no sideways scrolling at 390 px', async () => {
    for (const lang of LANGS) {
      for (const path of [
        `/month/2018-10.${lang}.html`,
        `/cities/foshan/month/2018-10.${lang}.html`,
        `/agenda.${lang}.html?from=2018-10-01`,
        `/cities/koeln/agenda.${lang}.html`,
        `/search?lang=${lang}&q=${encodeURIComponent('佛山')}`,
        `/embed/cities/foshan.${lang}.html`,
        `/members.${lang}.html`,
      ]) {
        for (const width of [1280, 390]) {
          const { page, problems } = await open(path, width);
          expect.soft(await axe(page), `${path} at ${width}: axe`).toEqual([]);
          expect.soft(await sidewaysScroll(page), `${path} at ${width}: sideways scrolling (px)`).toBeLessThanOrEqual(0);
          expect.soft(problems.errors, `${path}: console errors`).toEqual([]);
          expect.soft(problems.outside, `${path}: requests leaving the server`).toEqual([]);
          await page.close();
        }
      }
    }
    const de = await open('/month/2018-10.de.html');
    await screenshot(de.page, 'month-view-de', 'month-view-de.png');
    const zh = await open('/month/2018-10.zh.html', 390, 'zh-CN');
    await screenshot(zh.page, 'month-view-zh-phone', 'month-view-zh.png');
  });

  it('the month view shows each event on its day and the grid becomes a list of days on a phone', async () => {
    const { page } = await open('/month/2018-10.en.html');
    const plenary = page.locator('td:has(time[datetime="2018-10-24"]) a[href="/events/isa-plenary-2018.en.html"]');
    await expect.poll(() => plenary.count()).toBe(1);
    expect(await plenary.isVisible()).toBe(true);
    const phone = await open('/month/2018-10.en.html', 390);
    // Days without events or holidays are not shown on a phone; the plenary's day is, with its full date, and
    // China's National Day with its name.
    expect(await phone.page.locator('td:has(time[datetime="2018-10-09"])').isVisible()).toBe(false);
    expect(await phone.page.locator('td:has(time[datetime="2018-10-01"]) .holidays').textContent()).toContain('National Day in China');
    expect(await phone.page.locator('td:has(time[datetime="2018-10-24"]) .full').isVisible()).toBe(true);
  });

  it('filters chosen in the form are in the URL, in the links and in the subscribe box', async () => {
    const { page } = await open('/month/2018-10.de.html');
    await page.locator('details.filters > summary').click();
    await page.locator('input[name="kind"][value="plenary"]').check();
    await page.locator('details.filters button[type="submit"]').click();
    await page.waitForURL(/kind=plenary/);
    expect(new URL(page.url()).pathname).toBe('/month/2018-10.de.html');
    expect(await page.locator('#calendar-url').inputValue()).toMatch(/\/calendar\.plenary\.de\.ics$/);
    expect(await page.locator('td a[href^="/events/"]').count()).toBeGreaterThan(0);
    const kinds = await page.locator('a[rel="next"], a[rel="prev"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of kinds) expect(href).toMatch(/\?kind=plenary$/);
    // The city chosen in the form is the city's own address, filters kept.
    await page.locator('#f-city').selectOption('foshan');
    await page.locator('details.filters button[type="submit"]').click();
    await page.waitForURL(/\/cities\/foshan\/month\/2018-10\.de\.html\?.*kind=plenary/);
    expect(await page.locator('#calendar-url').inputValue()).toMatch(/\/cities\/foshan\/calendar\.plenary\.de\.ics$/);
  });

  it('search from the header finds a Chinese substring and a German word written without its umlaut', async () => {
    const { page } = await open('/index.zh.html', 1280, 'zh-CN');
    await page.locator('.site-search input[name="q"]').fill('全体大会');
    await page.locator('.site-search button').click();
    await page.waitForURL(/\/search\?/);
    expect(await page.locator('main a[href="/events/isa-plenary-2018.zh.html"]').count()).toBe(1);
    const events = (p: Page) => p.locator('main a[href^="/events/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const withUmlaut = await open(`/search?lang=de&q=${encodeURIComponent('Köln')}`);
    const without = await open('/search?lang=de&q=Koln');
    const found = await events(withUmlaut.page);
    expect(found.length).toBeGreaterThan(0);
    expect(await events(without.page)).toEqual(found);
  });

  it("the QR code decodes to the page's calendar address", async () => {
    for (const path of ['/month/2018-10.zh.html', '/cities/koeln/index.de.html']) {
      const { page } = await open(path);
      const address = await page.locator('#calendar-url').inputValue();
      // The SVG as the browser draws it, onto a canvas, read back as pixels.
      const pixels = await page.evaluate(async () => {
        const svg = document.querySelector('svg.qr') as SVGSVGElement;
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = 400;
        canvas.height = 400;
        const g = canvas.getContext('2d') as CanvasRenderingContext2D;
        g.drawImage(image, 0, 0, 400, 400);
        return Array.from(g.getImageData(0, 0, 400, 400).data);
      });
      const code = jsQR(Uint8ClampedArray.from(pixels), 400, 400);
      expect(code?.data, path).toBe(address);
      expect(address).toMatch(/^https?:\/\/[^/]+\/(cities\/koeln\/)?calendar\.(de|zh)\.ics$/);
    }
  });

  it('the members map links every member city to its page', async () => {
    const { page } = await open('/members.de.html');
    const cities = (await (await fetch(`${suite.origin}/api/v1/cities`)).json()) as {
      items: Array<{ slug: string; status: string | null }>;
    };
    const members = cities.items.filter((c) => c.status === 'member').map((c) => c.slug);
    expect(members.length).toBeGreaterThan(20);
    const links = await page.locator('svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
    for (const slug of members) expect(links, slug).toContain(`/cities/${slug}/index.de.html`);
    for (const href of new Set(links)) expect((await fetch(`${suite.origin}${href}`)).status, href ?? '').toBe(200);
    await screenshot(page, 'members-de', 'members-de.png');
    const zh = await open('/members.zh.html', 390, 'zh-CN');
    await screenshot(zh.page, 'members-zh-phone', 'members-zh.png');
    // Follow one marker like a reader would.
    await page.locator(`svg a[href="/cities/${members[0]}/index.de.html"]`).first().click();
    await page.waitForURL(new RegExp(`/cities/${members[0]}/index\\.de\\.html$`));
  });

  it('the embed renders inside an iframe of a page of another origin and sets no cookie', async () => {
    const host: Server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="de"><title>Stadt</title><h1>Unsere Stadt</h1>
<iframe id="isa" src="${suite.origin}/embed/cities/foshan.de.html" title="ISA" width="600" height="400"></iframe>`);
    });
    await new Promise<void>((ready) => host.listen(0, '127.0.0.1', ready));
    try {
      const other = `http://localhost:${(host.address() as AddressInfo).port}`;
      expect(new URL(other).origin).not.toBe(suite.origin);
      const context = await suite.browser.newContext({ viewport: { width: 800, height: 600 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(other, { waitUntil: 'networkidle' });
      const frame = page.frameLocator('#isa');
      await expect.poll(() => frame.locator('h1').count()).toBe(1);
      expect(await frame.locator('footer a[href$=".ics"]').count()).toBe(1);
      expect(await frame.locator('script').count()).toBe(0);
      expect(await context.cookies()).toEqual([]);
      // A page that is not an embed stays out of frames.
      await page.evaluate((src) => {
        (document.getElementById('isa') as HTMLIFrameElement).src = src;
      }, `${suite.origin}/month/2018-10.de.html`);
      await page.waitForLoadState('networkidle');
      // Chromium shows its own error page in the frame: none of the month view is there.
      expect(await frame.locator('.month-grid').count()).toBe(0);
      expect(page.frames().some((f) => f.url().includes('/month/2018-10'))).toBe(false);
    } finally {
      await new Promise((done) => host.close(done));
    }
  });
});
