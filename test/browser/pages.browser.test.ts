/**
 * The web pages in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core against the
 * real Node server (startNodeServer on a free port, a fresh SQLite file, the seeds). For `/`, a city page and an
 * event page: HTTP 200, no console errors or uncaught exceptions, no request leaving the server, an <h1>, one
 * <main> landmark, `html[lang]`; the subscribe links (webcal, Outlook.com / Microsoft 365, Google) and feed
 * discovery; the event's .ics link. Screenshots go to test-results/screenshots/ (1280 wide, and the city page
 * 390 wide as on a phone). Checks use selectors and URLs, never the pages' wording.
 * Chromium and when the suite is skipped: chromium.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, skipWithoutChromium, watchPage } from './chromium.js';

/** A writer's token, as a page of another origin might hold it. */
const TOKEN = 'browser-test-token-0123';
const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json'] as const;
const OUTLOOK_PREFIXES = ['https://outlook.live.com/calendar/0/addfromweb', 'https://outlook.office.com/calendar/0/addfromweb'] as const;
const GOOGLE_PREFIX = 'https://calendar.google.com/calendar/r?cid=';
/** The calendar document's path: `calendar.ics`, or a variant name such as `calendar.de.ics` (src/http/document-names.ts). */
const CALENDAR_FILE = /\/calendar(?:\.[a-z+-]+)*\.ics$/;

const skipBecause = skipWithoutChromium('the browser tests of the web pages');

/** Desktop: 1280 wide. The Accept-Language is one the site does not speak (French), so `/` shows the default. */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'fr-FR' };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-FR',
};

interface Visit {
  readonly page: Page;
  readonly response: Response | null;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Requests to anything but the server (or a data: URL). */
  readonly outside: string[];
}

/** A URL without its scheme, so `webcal://h/p` and `http://h/p` compare equal. */
const schemeless = (url: string) => url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '//');

describe.skipIf(skipBecause !== null)('web pages in Chromium', { timeout: 60_000 }, () => {
  const suite = browserSuite(TOKEN);

  /** A fresh browser context (its own cookies and storage). */
  function newContext(options: BrowserContextOptions): Promise<BrowserContext> {
    return suite.browser.newContext(options);
  }

  async function visit(context: BrowserContext, path: string): Promise<Visit> {
    const page = await context.newPage();
    const { errors, outside } = watchPage(page, suite.origin);
    // networkidle: late requests and errors are seen too.
    const response = await page.goto(`${suite.origin}${path}`, { waitUntil: 'networkidle' });
    return { page, response, errors, outside };
  }

  /** Every anchor's href, resolved against the page. */
  async function anchors(page: Page): Promise<string[]> {
    const hrefs = await Promise.all((await page.locator('a[href]').all()).map((a) => a.getAttribute('href')));
    return hrefs.flatMap((href) => (href === null ? [] : [new URL(href, page.url()).href]));
  }

  /** The checks every page passes. */
  async function checkCommon(v: Visit, path: string, lang: string) {
    expect.soft(v.response?.status(), `${path}: HTTP status`).toBe(200);
    expect.soft(v.errors, `${path}: console errors / uncaught exceptions`).toEqual([]);
    expect.soft(v.outside, `${path}: requests that leave ${suite.origin}`).toEqual([]);
    expect.soft(await v.page.locator('html').getAttribute('lang'), `${path}: html[lang]`).toBe(lang);
    expect.soft(await v.page.getByRole('main').count(), `${path}: <main> landmarks`).toBe(1);
    const h1 = v.page.locator('h1');
    expect.soft(await h1.count(), `${path}: <h1> elements`).toBeGreaterThanOrEqual(1);
    if ((await h1.count()) > 0) expect.soft(((await h1.first().textContent()) ?? '').trim(), `${path}: <h1> text`).not.toBe('');
  }

  /** The subscribe links and feed discovery; returns the webcal URLs found. */
  async function checkSubscribe(v: Visit, path: string, context: BrowserContext, calendarPath?: string) {
    const links = await anchors(v.page);
    const webcals = links.filter((href) => href.startsWith('webcal://') && CALENDAR_FILE.test(new URL(href).pathname));
    expect.soft(webcals, `${path}: webcal:// links to a calendar .ics (links: ${links.join(' ')})`).not.toEqual([]);
    for (const webcal of webcals) expect.soft(new URL(webcal).host, `${path}: host of ${webcal}`).toBe(new URL(suite.origin).host);
    if (calendarPath)
      expect
        .soft(
          webcals.filter((href) => new URL(href).pathname.startsWith(calendarPath)),
          `${path}: webcal:// links under ${calendarPath}`,
        )
        .not.toEqual([]);
    const calendars = new Set(webcals.map(schemeless));
    const wanted = calendarPath
      ? webcals.filter((href) => new URL(href).pathname.startsWith(calendarPath)).map(schemeless)
      : [...calendars];

    const outlook = links.filter((href) => OUTLOOK_PREFIXES.some((prefix) => href.startsWith(prefix)));
    expect.soft(outlook, `${path}: Outlook.com / Microsoft 365 add-from-web links`).not.toEqual([]);
    for (const href of outlook) {
      const target = new URL(href).searchParams.get('url');
      expect.soft(target, `${path}: url= of ${href}`).toMatch(/^(https?|webcal):\/\//);
      expect
        .soft(calendars.has(schemeless(target ?? '')), `${path}: url= of ${href} is the page's calendar (${[...calendars].join(', ')})`)
        .toBe(true);
    }
    expect
      .soft(
        outlook.some((href) => wanted.includes(schemeless(new URL(href).searchParams.get('url') ?? ''))),
        `${path}: an Outlook link for ${calendarPath ?? 'the calendar'}`,
      )
      .toBe(true);

    const google = links.filter((href) => href.startsWith(GOOGLE_PREFIX));
    expect.soft(google, `${path}: Google Calendar links`).not.toEqual([]);
    for (const href of google) {
      const cid = new URL(href).searchParams.get('cid') ?? '';
      expect.soft(calendars.has(schemeless(cid)), `${path}: cid= of ${href} is the page's calendar`).toBe(true);
    }

    for (const type of FEED_TYPES) {
      const feeds = v.page.locator(`link[rel="alternate"][type="${type}"]`);
      expect.soft(await feeds.count(), `${path}: <link rel="alternate" type="${type}">`).toBeGreaterThanOrEqual(1);
      for (const feed of await feeds.all()) {
        const href = new URL((await feed.getAttribute('href')) ?? '', v.page.url()).href;
        expect.soft(href.startsWith(`${suite.origin}/`), `${path}: ${type} feed ${href} is on ${suite.origin}`).toBe(true);
        const res = await context.request.get(href);
        expect.soft(res.status(), `${path}: GET ${href}`).toBe(200);
        await res.dispose();
      }
    }
  }

  async function screenshot(page: Page, name: string) {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it('/ (German by default): landmarks, subscribe links, feeds', async () => {
    const context = await newContext(DESKTOP);
    try {
      const v = await visit(context, '/');
      await screenshot(v.page, 'home-de');
      await checkCommon(v, '/', 'de');
      await checkSubscribe(v, '/', context);
    } finally {
      await context.close();
    }
  });

  it('/cities/foshan?lang=zh: landmarks, the city calendar subscribe links, feeds', async () => {
    const path = '/cities/foshan?lang=zh';
    const context = await newContext(DESKTOP);
    try {
      const v = await visit(context, path);
      await screenshot(v.page, 'city-foshan-zh');
      await checkCommon(v, path, 'zh');
      await checkSubscribe(v, path, context, '/cities/foshan/');
    } finally {
      await context.close();
    }
  });

  it('/cities/foshan?lang=zh on a phone (390 wide): no sideways scrolling', async () => {
    const path = '/cities/foshan?lang=zh';
    const context = await newContext(PHONE);
    try {
      const v = await visit(context, path);
      await screenshot(v.page, 'city-foshan-zh-phone');
      await checkCommon(v, `${path} (phone)`, 'zh');
      const width = await v.page.evaluate('document.documentElement.scrollWidth');
      expect.soft(width, `${path} (phone): page width in CSS pixels, viewport 390`).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });

  it('/events/isa-plenary-2018?lang=en: landmarks and the .ics link', async () => {
    const path = '/events/isa-plenary-2018?lang=en';
    const context = await newContext(DESKTOP);
    try {
      const v = await visit(context, path);
      await screenshot(v.page, 'event-isa-plenary-2018-en');
      await checkCommon(v, path, 'en');
      const ics = (await anchors(v.page)).filter(
        (href) => href.startsWith(suite.origin) && new URL(href).pathname === '/events/isa-plenary-2018.en.ics',
      );
      expect.soft(ics, `${path}: links to /events/isa-plenary-2018.en.ics`).not.toEqual([]);
      for (const href of ics) {
        const res = await context.request.get(href);
        expect.soft(res.status(), `${path}: GET ${href}`).toBe(200);
        expect.soft(res.headers()['content-type'], `${path}: Content-Type of ${href}`).toMatch(/^text\/calendar/);
        await res.dispose();
      }
    } finally {
      await context.close();
    }
  });

  it('regression: a page of another origin holding a token could write (Chromium sent the POST, 201)', async () => {
    // The attacker's page, served from another origin (another port of the loopback).
    const attacker = createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>x</title>'),
    );
    await new Promise<void>((ready) => attacker.listen(0, '127.0.0.1', ready));
    const attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
    const context = await newContext(DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(`${attackerOrigin}/`);
      const before = (await (await fetch(`${suite.origin}/api/v1/events?from=2000-01-01&limit=500`)).json()) as { items: unknown[] };
      const outcomes = await page.evaluate(
        async ({ target, token }) => {
          const body = JSON.stringify({ kind: 'visit', title: { en: 'Planted' }, cities: ['foshan'], start: '2027-03-01' });
          const attempt = async (init: RequestInit) => {
            try {
              const res = await fetch(`${target}/api/v1/events`, init);
              return `status ${res.status}`;
            } catch (error) {
              return `blocked: ${String(error)}`;
            }
          };
          return [
            // A non-simple request: the preflight must not allow it.
            await attempt({ method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body }),
            // A simple request goes out without a preflight; the server must refuse its Origin.
            await attempt({ method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }),
          ];
        },
        { target: suite.origin, token: TOKEN },
      );
      expect(outcomes[0]).toMatch(/^blocked/);
      const after = (await (await fetch(`${suite.origin}/api/v1/events?from=2000-01-01&limit=500`)).json()) as { items: unknown[] };
      expect(after.items).toHaveLength(before.items.length);
      // The server refuses what the browser sends with the attacker's Origin, whatever the browser makes of the answer.
      const direct = await fetch(`${suite.origin}/api/v1/events`, {
        method: 'POST',
        headers: { Origin: attackerOrigin, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'visit', title: { en: 'Planted' }, cities: ['foshan'], start: '2027-03-01' }),
      });
      expect(direct.status).toBe(403);
    } finally {
      await context.close();
      attacker.close();
    }
  });
});
