/**
 * The web pages over HTTP (through the app, a real SQLite file): each page in each language, language
 * negotiation, both-sides times, subscribe links, escaping, and HTML error pages.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { insertEventStatements } from '../../src/storage/events-repository.js';
import { testConfig } from '../fixtures/config.js';
import { makeEvent } from '../fixtures/events.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

let t: TempStore;
let app: ReturnType<typeof createApp>;
const NOW = Date.parse('2027-06-01T08:00:00Z');

beforeAll(async () => {
  t = await tempStore();
  await t.store.batch([
    ...insertEventStatements(
      t.store.db,
      makeEvent({ id: 'evil-title', title: { de: '<script>alert("x")</script> & Co' }, start: { value: '2027-10-24', fold: 0 } }),
    ),
    ...insertEventStatements(
      t.store.db,
      makeEvent({
        id: 'called-off',
        status: 'cancelled',
        cancelledAt: '2027-05-01T00:00:00Z',
        title: { de: 'Abgesagtes Treffen', en: 'Called-off meeting', zh: '取消的会议' },
        precision: 'minute',
        start: { value: '2027-10-25T03:00', fold: 0 },
      }),
    ),
  ]);
  app = createApp(() => ({
    store: t.store,
    clock: () => NOW,
    config: testConfig(),
  }));
});
afterAll(() => t.dispose());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { headers });
  return { res, text: await res.text() };
};

describe('pages', () => {
  for (const lang of ['de', 'en', 'zh'] as const) {
    it(`serves /, a city page and an event page in ${lang}`, async () => {
      for (const path of [`/?lang=${lang}`, `/cities/foshan?lang=${lang}`, `/events/isa-plenary-2018?lang=${lang}`]) {
        const { res, text } = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toMatch(/^text\/html; charset=utf-8/i);
        expect(text, path).toContain(`<html lang="${lang}">`);
        expect(text, path).toMatch(/<main id="content">[\s\S]*<h1/);
        expect(text, path).toContain('property="og:title"');
      }
    });
  }

  it('shows every time on both sides, the other day marked', async () => {
    const { text } = await get('/cities/foshan?lang=de');
    expect(text).toContain('25.10.2027 03:00 China (CST, UTC+8) · 24.10.2027 21:00 Deutschland (MESZ, UTC+2, −1 Tag)');
    expect((await get('/events/isa-plenary-2018?lang=en')).text).toContain(
      'Wednesday, 24 Oct 2018, all day, China (CST, UTC+8) · Germany: 23 Oct 2018 18:00 – 24 Oct 2018 18:00 (CEST, UTC+2)',
    );
    expect((await get('/events/isa-member-meeting-2017-koeln-admission?lang=de')).text).toContain('Montag, 24.04.2017');
    expect((await get('/events/isa-plenary-2018?lang=zh')).text).toContain('星期三，2018年10月24日');
  });

  it('marks cancelled events and month-precision items', async () => {
    const { text } = await get('/cities/foshan?lang=en');
    expect(text).toMatch(/<li class="cancelled">\s*<div class="what"><span class="badge">Cancelled<\/span>/);
    const solingen = (await get('/cities/solingen?lang=de')).text;
    expect(solingen).toContain('Juli 2018 (Deutschland)');
    expect((await get('/events/isa-fachtagung-solingen-2018?lang=de')).text).toContain('nur auf den Monat oder das Jahr genau bekannt');
  });

  it('escapes user text', async () => {
    const { text } = await get('/cities/foshan?lang=de');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(text).not.toContain('<script>alert');
    expect((await get('/events/evil-title')).text).not.toContain('<script>alert');
  });

  it('offers webcal, Outlook.com, Microsoft 365, Google, the address and the feeds', async () => {
    const { text } = await get('/cities/foshan?lang=zh');
    const https = 'https://isa.example.org/cities/foshan/calendar.zh.ics';
    expect(text).toContain('href="webcal://isa.example.org/cities/foshan/calendar.zh.ics"');
    expect(text).toContain(`href="https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(https)}&amp;name=`);
    expect(text).toContain(`href="https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(https)}`);
    expect(text).toContain(
      `href="https://calendar.google.com/calendar/r?cid=${encodeURIComponent('webcal://isa.example.org/cities/foshan/calendar.zh.ics')}"`,
    );
    expect(text).toContain(`value="${https}"`);
    expect(text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="ISA – 佛山 (Atom)" href="https://isa.example.org/cities/foshan/feed.zh.atom">',
    );
    const event = (await get('/events/isa-plenary-2018?lang=en')).text;
    expect(event).toContain('href="/events/isa-plenary-2018.ics?lang=en"');
    expect(event).toMatch(
      /href="https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&amp;text=[^"]*&amp;dates=20181024%2F20181025/,
    );
    expect(event).toContain('href="https://outlook.live.com/calendar/0/deeplink/compose?');
  });

  it('takes the language from Accept-Language when ?lang is absent', async () => {
    expect((await get('/', { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.5' })).text).toContain('<html lang="zh">');
    expect((await get('/', { 'Accept-Language': 'en-GB,en;q=0.9' })).text).toContain('<html lang="en">');
    expect((await get('/', { 'Accept-Language': 'fr-FR' })).text).toContain('<html lang="de">');
    expect((await get('/?lang=en', { 'Accept-Language': 'zh' })).text).toContain('<html lang="en">');
  });

  it('answers unknown cities and events with an HTML page of the same status', async () => {
    for (const path of ['/cities/atlantis?lang=en', '/events/no-such-event']) {
      const { res, text } = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(text, path).toContain('<h1>');
    }
  });
});
