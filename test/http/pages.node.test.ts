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
    ...insertEventStatements(
      t.store.db,
      makeEvent({
        id: 'across-dst',
        title: { de: 'Über die Zeitumstellung', en: 'Across the change of time' },
        description: { de: 'Erste Zeile\nZweite Zeile', en: 'First line\nSecond line' },
        participants: ['solingen'],
        precision: 'minute',
        start: { value: '2027-10-31T06:00', fold: 0 },
        end: { value: '2027-10-31T12:00', fold: 0 },
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

  it('links the imprint and the privacy notice (GDPR Art. 13) from every page, in each language', async () => {
    for (const lang of ['de', 'en', 'zh'] as const) {
      for (const path of [
        `/?lang=${lang}`,
        `/cities/koeln?lang=${lang}`,
        `/events/isa-plenary-2018?lang=${lang}`,
        `/editor?lang=${lang}`,
      ]) {
        const { text } = await get(path);
        expect(text, path).toContain(`href="/imprint.${lang}.html"`);
        expect(text, path).toContain(`href="/privacy.${lang}.html"`);
      }
      const privacy = await get(`/privacy.${lang}.html`);
      expect(privacy.res.status).toBe(200);
      // What is kept, why and for how long: accounts, the history's authors, client addresses, the session cookie.
      for (const word of {
        de: ['12 Stunden', 'eine Minute', 'Historie', 'Art. 6 Abs. 1 lit. f', 'Art. 77'],
        en: ['12 hours', 'one minute', 'history', 'Art. 6(1)(f)', 'Art. 77'],
        zh: ['12小时', '一分钟', '历史记录', '第6条第1款f项', '第77条'],
      }[lang])
        expect(privacy.text, `${lang}: ${word}`).toContain(word);
      const imprint = await get(`/imprint?lang=${lang}`);
      expect(imprint.text).toContain('OPERATOR_NAME');
    }
    const configured = createApp(() => ({
      store: t.store,
      clock: () => NOW,
      config: testConfig({ operator: { name: 'Deutsches Büro der Allianz', address: ['Berlin'], email: 'info@example.org' } }),
    }));
    const imprint = await (await configured.request('/imprint.de.html')).text();
    expect(imprint).toContain('Deutsches Büro der Allianz');
    expect(imprint).toContain('mailto:info@example.org');
  });

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
    expect(event).toContain('href="/events/isa-plenary-2018.en.ics"');
    expect(event).toContain('href="https://outlook.office.com/calendar/0/deeplink/compose?');
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

  it('regression: a span across a DST change was labelled with its start offset; each end carries its own', async () => {
    const text = (await get('/events/across-dst?lang=de')).text;
    expect(text).toContain('31.10.2027 06:00–12:00 China (CST, UTC+8) · 00:00 Deutschland (MESZ, UTC+2) – 05:00 (MEZ, UTC+1)');
    // The add links carry the same text.
    const google = new URL((/href="(https:\/\/calendar\.google\.com[^"]+)"/.exec(text)?.[1] ?? '').replace(/&amp;/g, '&'));
    expect(google.searchParams.get('details')).toContain('· 00:00 Deutschland (MESZ, UTC+2) – 05:00 (MEZ, UTC+1)');
  });

  it("regression: ?tz= was ignored silently; pages add the reader's time, and a bogus zone answers 400", async () => {
    const text = (await get('/events/across-dst?lang=en&tz=America/New_York')).text;
    expect(text).toContain('Your time (America/New_York): 30 Oct 2027 18:00 – 31 Oct 2027 00:00 (UTC−4)');
    expect((await get('/?lang=en&tz=America/New_York')).text).toContain('Your time (America/New_York)');
    const bogus = await get('/?tz=Bogus');
    expect(bogus.res.status).toBe(400);
    expect(bogus.res.headers.get('content-type')).toMatch(/^text\/html/);
    for (const path of ['/calendar.ics?tz=Bogus', '/feed.atom?tz=PT', '/cities/foshan/feed.json?tz=Mars/Olympus']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { code: string; field: string } }).error, path).toMatchObject({
        code: 'unknown_zone',
        field: 'query.tz',
      });
    }
    // A zone that is one changes nothing in calendars and feeds: clients convert.
    expect(await (await app.request('/calendar.ics?tz=Asia/Tokyo')).text()).toBe(await (await app.request('/calendar.ics')).text());
  });

  it("regression: a cancelled event's page offered to add it, and its previews did not say it was cancelled", async () => {
    const text = (await get('/events/called-off?lang=en')).text;
    expect(text).not.toContain('calendar.google.com');
    expect(text).not.toContain('deeplink/compose');
    expect(text).toContain('This event is cancelled.');
    expect(text).toMatch(/<title>Cancelled: Called-off meeting – ISA calendar<\/title>/);
    expect(text).toMatch(/<meta property="og:title" content="Cancelled: Called-off meeting – ISA calendar">/);
    expect(text).toMatch(/<meta property="og:description" content="Cancelled, /);
  });

  it('regression: the new Outlook strips webcal:; Outlook.com, Microsoft 365 and the https address lead', async () => {
    const text = (await get('/cities/foshan?lang=en')).text;
    const box = text.slice(text.indexOf('id="subscribe"'));
    expect(box.indexOf('outlook.live.com')).toBeLessThan(box.indexOf('webcal://'));
    expect(box.indexOf('outlook.office.com')).toBeLessThan(box.indexOf('webcal://'));
    expect(box).toContain('Classic Outlook (desktop) and Apple Calendar (webcal://)');
  });

  it('regression: descriptions lost their lines, participants were labelled as places, and downloads as subscriptions', async () => {
    const event = (await get('/events/across-dst?lang=en')).text;
    expect(event).toContain('First line<br>Second line');
    expect(event).toContain('<h2 id="add">Download and add</h2>');
    expect(event).toContain('Add to Microsoft 365');
    const list = (await get('/cities/foshan?lang=de')).text;
    expect(list).toMatch(/Ort: Foshan · Beteiligte Städte: Solingen/);
  });

  it('regression: Chinese pages used half-width punctuation and wrote a year as "2017（德国）"', async () => {
    const text = (await get('/cities/foshan?lang=zh')).text;
    expect(text).toContain('地点：佛山');
    expect(text).not.toMatch(/地点: /);
    expect((await get('/cities/dresden?lang=zh')).text).toContain('2013年（德国）');
    expect((await get('/events/isa-fachtagung-solingen-2018?lang=zh')).text).toContain('2018年7月（德国）');
  });

  it("shows a city's membership history with the event it was admitted at and each period's sources", async () => {
    const koeln = (await get('/cities/koeln?lang=de')).text;
    expect(koeln).toContain('<h2 id="membership">Mitgliedschaft</h2>');
    expect(koeln).toMatch(
      /<strong>Mitglied<\/strong> seit 24\.04\.2017 · aufgenommen bei: <a href="\/events\/isa-member-meeting-2017-koeln-admission\.de\.html">/,
    );
    expect(koeln).toMatch(/<details><summary>Quelle \(\d+\)<\/summary><ul class="sources">/);
    const kaiserslautern = (await get('/cities/kaiserslautern?lang=en')).text;
    expect(kaiserslautern).toMatch(/<strong>Observer<\/strong> 24 Apr 2017 – 23 Apr 2018 \(then member\)/);
    expect((await get('/cities/osnabrueck?lang=zh')).text).toContain('（不再列入名单）'.replace('（', ' (').replace('）', ')'));
    expect((await get('/cities/hannover?lang=de')).text).not.toContain('id="membership"');
    // The directory groups cities by their standing now.
    const home = (await get('/?lang=en')).text;
    for (const heading of ['German members', 'Chinese members', 'Observers and guests', 'Former members', 'Other venues'])
      expect(home, heading).toContain(`<h3>${heading}</h3>`);
  });

  it('marks related items and says whom an alliance-wide event is for', async () => {
    const related = (await get('/events/raunheim-business-dialogue-2015?lang=de')).text;
    expect(related).toContain('<span class="badge related">Verwandter Termin</span>');
    expect(related).toContain('Kein Termin der ISA selbst');
    const list = (await get('/cities/foshan?lang=en')).text;
    expect(list).toMatch(/<span class="badge related">Related item<\/span><a href="\/events\/internet-plus-expo-foshan-2019\.en\.html"/);
    expect((await get('/events/isa-fachtagung-solingen-2018?lang=de')).text).toContain('<p class="audience">Für: deutsche Mitglieder</p>');
    expect((await get('/events/isa-plenary-2018?lang=zh')).text).toContain('<p class="audience">面向：全体成员</p>');
  });

  it('answers the static paths of every page, each in its language', async () => {
    for (const [path, lang] of [
      ['/index.zh.html', 'zh'],
      ['/cities/foshan/index.en.html', 'en'],
      ['/cities/%E4%BD%9B%E5%B1%B1/index.de.html', 'de'],
      ['/events/isa-plenary-2018.en.html', 'en'],
    ] as const) {
      const { res, text } = await get(path, { 'Accept-Language': 'fr' });
      expect(res.status, path).toBe(200);
      expect(text, path).toContain(`<html lang="${lang}">`);
    }
    expect((await app.request('/events/isa-plenary-2018.zh.ics')).status).toBe(200);
  });
});
