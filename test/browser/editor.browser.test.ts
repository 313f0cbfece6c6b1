/**
 * The editor in a real browser: Debian's Chromium driven by playwright-core against the real Node server (a
 * fresh SQLite file, the seeds, a secretariat token in ADMIN_TOKEN). In German and in Chinese: signing in, an
 * event in Asia/Shanghai with a Chinese title whose times are shown on both sides before it is saved, a time
 * the clocks skip refused at its field, the saved event in the calendar (parsed) and the feed, two people
 * editing one event (the second sees the first’s change), a city editor’s proposal approved by the secretariat,
 * an Outlook .ics and a Chinese Excel .csv imported through the dry run, the history restoring a revision,
 * axe-core on every editor page, and a phone’s
 * 390 px width without sideways scrolling. Screenshots for the README go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseXmlFeed } from '../fixtures/feed-parsers.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { browserSuite, SCREENSHOTS, skipWithoutChromium, watchPage } from './chromium.js';

const TOKEN = 'editor-browser-secretariat-token';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const OUTLOOK = fileURLToPath(new URL('../fixtures/imports/outlook-windows-zones.ics', import.meta.url));

const skipBecause = skipWithoutChromium('the browser tests of the editor');

describe.skipIf(skipBecause !== null)('the editor in Chromium', { timeout: 90_000 }, () => {
  const suite = browserSuite(TOKEN);

  /** A signed-in browser context (its own cookie jar), with console errors and outside requests recorded. */
  async function signedIn(
    lang: 'de' | 'zh',
    width = 1280,
    token = TOKEN,
  ): Promise<{ context: BrowserContext; page: Page; problems: { errors: string[]; outside: string[] } }> {
    // bypassCSP only so that axe-core can be evaluated in the page; the pages' own policy is tested over HTTP.
    const context = await suite.browser.newContext({
      viewport: { width, height: 900 },
      locale: lang === 'zh' ? 'zh-CN' : 'de-DE',
      bypassCSP: true,
    });
    const page = await context.newPage();
    // A form shown again with its errors answers 400 (or 409), which Chromium logs for the page itself.
    const { errors, outside } = watchPage(page, suite.origin, (m) => m.location().url === page.url() && /status of 40[09]/.test(m.text()));
    await page.goto(`${suite.origin}/editor?lang=${lang}`);
    await page.locator('#token').fill(token);
    await page.locator('form[action^="/editor/sign-in"] button[type=submit]').click();
    await page.waitForURL(/\/editor\?lang=/);
    return { context, page, problems: { errors, outside } };
  }

  /** axe-core's violations on the page. */
  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate('axe.run(document)')) as { violations: Array<{ id: string; nodes: unknown[] }> };
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  }

  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('in Chinese: a Shanghai event with a Chinese title, both countries’ times before saving, then in the calendar and the feed', async () => {
    const { context, page, problems } = await signedIn('zh');
    try {
      expect(await axe(page)).toEqual([]);
      await page.locator('a[href^="/editor/events/new"]').click();
      await page.locator('#title_zh').fill('佛山—科隆数字化转型论坛');
      await page.locator('#cities').fill('佛山');
      await page.locator('#participants').fill('科隆');
      await page.locator('#precision').selectOption('minute');
      await page.locator('#start_date').fill('2027-11-11');
      await page.locator('#start_time').fill('14:00');
      await page.locator('#end_date').fill('2027-11-11');
      await page.locator('#end_time').fill('17:30');
      // The script shows only the inputs of the precision chosen.
      expect(await page.locator('#start_month').isVisible()).toBe(false);
      await page.locator('button[value=preview]').click();
      const preview = (await page.locator('.preview .times').textContent()) ?? '';
      expect(preview).toContain('2027年11月11日 14:00–17:30 中国（CST，UTC+8）');
      expect(preview).toContain('07:00–10:30 德国（CET，UTC+1）');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'editor-event-zh.png'), fullPage: true });
      await page.locator('button[value=save]').click();
      await page.waitForURL(/\/editor\/events\/[^/?]+\?lang=zh&saved=1/);
      expect(await page.locator('[role=status]').count()).toBe(1);
      const calendar = parseWithIcalJs(await (await context.request.get(`${suite.origin}/calendar.zh.ics`)).text());
      expect(calendar.find((e) => e.summary === '佛山—科隆数字化转型论坛')?.start.instant).toBe(Date.parse('2027-11-11T06:00:00Z'));
      const feed = parseXmlFeed(await (await context.request.get(`${suite.origin}/cities/koeln/feed.zh.rss`)).text());
      expect(feed.items.some((i) => i.title?.endsWith('佛山—科隆数字化转型论坛'))).toBe(true);
      expect(problems).toEqual({ errors: [], outside: [] });
    } finally {
      await context.close();
    }
  });

  it('in German: a time the clocks skip is refused at its field with the nearest valid times', async () => {
    const { context, page, problems } = await signedIn('de');
    try {
      await page.goto(`${suite.origin}/editor/events/new?lang=de`);
      await page.locator('#title_de').fill('Frühjahrstreffen in der Nacht der Zeitumstellung');
      await page.locator('#cities').fill('Köln');
      await page.locator('#start_date').fill('2027-03-28');
      await page.locator('#start_time').fill('02:30');
      await page.locator('#end_date').fill('2027-03-28');
      await page.locator('#end_time').fill('04:00');
      await page.locator('button[value=save]').click();
      const error = page.locator('#start-error');
      expect(await error.textContent()).toContain('01:59');
      expect(await error.textContent()).toContain('03:00');
      expect(await page.locator('#start_date').inputValue()).toBe('2027-03-28');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'editor-gap-de.png'), fullPage: true });
      expect(problems).toEqual({ errors: [], outside: [] });
    } finally {
      await context.close();
    }
  });

  it('warns before saving an event on 1 October 2027 in Foshan of China’s National Day, in German and Chinese, and saves once confirmed', async () => {
    for (const [lang, expected, unknown] of [
      ['de', 'Nationalfeiertag in China', 'China: verlegte Arbeitstage nach dem 31.12.2026 noch nicht veröffentlicht'],
      ['zh', '中国：国庆节', '中国：2026年12月31日之后的调休安排尚未公布'],
    ] as const) {
      const { context, page, problems } = await signedIn(lang);
      try {
        await page.goto(`${suite.origin}/editor/events/new?lang=${lang}`);
        await page.locator(`#title_${lang}`).fill(lang === 'de' ? 'Delegation am Nationalfeiertag' : '国庆节期间的代表团');
        await page.locator('#cities').fill(lang === 'de' ? 'Foshan' : '佛山');
        await page.locator('#precision').selectOption('day');
        await page.locator('#start_date').fill('2027-10-01');
        await page.locator('button[value=save]').click();
        // Held back: the warning names the holiday in the editor's language, and nothing was saved.
        const warning = page.locator('.holiday-warning[role=alert]');
        expect(await warning.count()).toBe(1);
        const notes = await warning.locator('li').allTextContents();
        expect(notes.some((n) => n.endsWith(expected))).toBe(true);
        expect(notes).toContain(unknown);
        expect(page.url()).not.toMatch(/saved=1/);
        expect(await axe(page)).toEqual([]);
        if (lang === 'de') await page.screenshot({ path: join(SCREENSHOTS, 'editor-holiday-de.png'), fullPage: true });
        await page.locator('input[name=holidays_ok]').check();
        await page.locator('button[value=save]').click();
        await page.waitForURL(/\/editor\/events\/[^/?]+\?lang=(de|zh)&saved=1/);
        const id = /\/editor\/events\/([^/?]+)/.exec(page.url())?.[1];
        const event = (await (await context.request.get(`${suite.origin}/api/v1/events/${id}?lang=${lang}`)).json()) as {
          holidays: Array<{ date: string; country: string }>;
        };
        expect(event.holidays).toContainEqual(expect.objectContaining({ date: '2027-10-01', country: 'CN' }));
        expect(problems).toEqual({ errors: [], outside: [] });
      } finally {
        await context.close();
      }
    }
  });

  it('two people edit one event: the second sees the first’s change and saves hers after it', async () => {
    const first = await signedIn('de');
    const second = await signedIn('de');
    try {
      const path = '/editor/events/isa-plenary-2018?lang=de';
      await first.page.goto(`${suite.origin}${path}`);
      await second.page.goto(`${suite.origin}${path}`);
      await first.page.locator('#location').fill('Tanzhou International Convention and Exhibition Center');
      await first.page.locator('button[value=save]').click();
      await first.page.locator('[role=status]').waitFor();
      await second.page.locator('#title_en').fill('9th Plenary Assembly (2018)');
      await second.page.locator('button[value=save]').click();
      const conflict = second.page.locator('.conflict');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('Ort');
      await second.page.screenshot({ path: join(SCREENSHOTS, 'editor-conflict-de.png'), fullPage: true });
      await second.page.locator('button[value=save]').click();
      await second.page.locator('[role=status]').waitFor();
      const event = (await (await second.context.request.get(`${suite.origin}/api/v1/events/isa-plenary-2018`)).json()) as {
        location: string;
        title: Record<string, string>;
      };
      expect(event.location).toBe('Tanzhou International Convention and Exhibition Center');
      expect(event.title.en).toBe('9th Plenary Assembly (2018)');
      expect([first.problems, second.problems]).toEqual([
        { errors: [], outside: [] },
        { errors: [], outside: [] },
      ]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('a city editor’s change to another city’s event is a proposal, public only once the secretariat approves it', async () => {
    const secretariat = await signedIn('de');
    try {
      await secretariat.page.goto(`${suite.origin}/editor/accounts?lang=de`);
      await secretariat.page.locator('#label').fill('佛山市商务局');
      await secretariat.page.locator('#role').selectOption('city-editor');
      await secretariat.page.locator('#account_lang').selectOption('zh');
      await secretariat.page.locator('#account_cities').selectOption('foshan');
      await secretariat.page.locator('form[action^="/editor/accounts"] button[type=submit]').click();
      const token = (await secretariat.page.locator('code.token').textContent()) ?? '';
      const created = await secretariat.context.request.post(`${suite.origin}/api/v1/events`, {
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        data: { kind: 'conference', title: { de: 'Kölner Industrieforum' }, cities: ['Köln'], start: '2027-09-14T10:00' },
      });
      const { id } = (await created.json()) as { id: string };
      const editor = await signedIn('zh', 1280, token);
      try {
        await editor.page.goto(`${suite.origin}/editor/events/${id}?lang=zh`);
        await editor.page.locator('#title_zh').fill('科隆工业论坛');
        await editor.page.locator('button[value=save]').click();
        await editor.page.waitForURL(/\/editor\/proposals\/[^?]+\?lang=zh&proposed=1/);
        expect(await editor.page.locator('[role=status]').textContent()).toContain('秘书处');
        expect(await axe(editor.page)).toEqual([]);
        const publicEvent = async () =>
          ((await (await editor.context.request.get(`${suite.origin}/api/v1/events/${id}`)).json()) as { title: Record<string, string> })
            .title;
        expect((await publicEvent()).zh).toBeUndefined();
        await secretariat.page.goto(`${suite.origin}/editor/proposals?lang=de`);
        expect(await axe(secretariat.page)).toEqual([]);
        await secretariat.page.locator('a[href^="/editor/proposals/"]', { hasText: 'Kölner Industrieforum' }).click();
        expect(await secretariat.page.locator('table').textContent()).toContain('科隆工业论坛');
        expect(await axe(secretariat.page)).toEqual([]);
        await secretariat.page.screenshot({ path: join(SCREENSHOTS, 'editor-proposal-de.png'), fullPage: true });
        await secretariat.page.locator('button', { hasText: 'Annehmen' }).click();
        await secretariat.page.locator('.notice', { hasText: 'angenommen' }).waitFor();
        expect((await publicEvent()).zh).toBe('科隆工业论坛');
        const calendar = parseWithIcalJs(await (await editor.context.request.get(`${suite.origin}/cities/koeln/calendar.zh.ics`)).text());
        expect(calendar.some((e) => e.summary === '科隆工业论坛')).toBe(true);
        expect([secretariat.problems, editor.problems]).toEqual([
          { errors: [], outside: [] },
          { errors: [], outside: [] },
        ]);
      } finally {
        await editor.context.close();
      }
    } finally {
      await secretariat.context.close();
    }
  });

  it('imports an Outlook .ics with Windows zone names and a CSV through the dry run; the calendar’s instants are the source’s', async () => {
    const { context, page, problems } = await signedIn('de');
    try {
      await page.goto(`${suite.origin}/editor/import?lang=de`);
      expect(await axe(page)).toEqual([]);
      await page.locator('#file').setInputFiles(OUTLOOK);
      await page.locator('#cities').fill('Köln');
      await page.locator('button', { hasText: 'Prüfen' }).click();
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.allTextContents()).toEqual([
        expect.stringContaining('neu'),
        expect.stringContaining('neu'),
        expect.stringContaining('neu'),
        expect.stringContaining('Serientermin'),
      ]);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'editor-import-de.png'), fullPage: true });
      await page.locator('button', { hasText: 'Übernehmen' }).click();
      await page.locator('[role=status]', { hasText: '3 Termine übernommen' }).waitFor();
      const source = parseWithIcalJs(readFileSync(OUTLOOK, 'utf8'));
      const calendar = parseWithIcalJs(await (await context.request.get(`${suite.origin}/cities/koeln/calendar.ics`)).text());
      for (const summary of ['Vorbereitung Hannover Messe', '中德工业城市联盟全体大会筹备会']) {
        const [from, to] = [source.find((e) => e.summary === summary), calendar.find((e) => e.summary === summary)];
        expect(to?.start.instant, summary).toBe(from?.start.instant);
        expect(to?.end?.instant, summary).toBe(from?.end?.instant);
      }
      // A spreadsheet from Chinese Excel, in the Chinese editor's words.
      await page.goto(`${suite.origin}/editor/import?lang=zh`);
      const csv = iconv.encode('类型,标题（中文）,开始,城市\r\nconference,佛山陶瓷博览会参观,2027/10/18 9:00,佛山\r\n', 'gb18030');
      await page.locator('#file').setInputFiles({ name: 'termine.csv', mimeType: 'text/csv', buffer: csv });
      await page.locator('button', { hasText: '检查' }).click();
      await page.locator('tbody tr', { hasText: '新增' }).waitFor();
      await page.locator('button', { hasText: '确认导入' }).click();
      await page.locator('[role=status]', { hasText: '已导入 1 项活动' }).waitFor();
      const china = parseWithIcalJs(await (await context.request.get(`${suite.origin}/cities/foshan/calendar.zh.ics`)).text());
      expect(china.find((e) => e.summary === '佛山陶瓷博览会参观')?.start.instant).toBe(Date.parse('2027-10-18T01:00:00Z'));
      expect(problems).toEqual({ errors: [], outside: [] });
    } finally {
      await context.close();
    }
  });

  it('shows the history with who changed what, and restores an earlier revision', async () => {
    const { context, page, problems } = await signedIn('de');
    try {
      await page.goto(`${suite.origin}/editor/events/isa-plenary-2018?lang=de`);
      const before = await page.locator('#location').inputValue();
      await page.locator('#location').fill('Provisorischer Ort');
      await page.locator('button[value=save]').click();
      await page.locator('[role=status]').waitFor();
      await page.locator('a[href$="/history?lang=de"]').click();
      const newest = page.locator('ol.events > li').first();
      expect(await newest.textContent()).toContain('Ort');
      expect(await axe(page)).toEqual([]);
      await page.locator('ol.events > li').nth(1).locator('button').click();
      await page.locator('[role=status]').waitFor();
      const event = (await (await context.request.get(`${suite.origin}/api/v1/events/isa-plenary-2018`)).json()) as { location: string };
      expect(event.location).toBe(before);
      expect(problems).toEqual({ errors: [], outside: [] });
    } finally {
      await context.close();
    }
  });

  it('at 390 px (a phone) nothing needs sideways scrolling, in German and Chinese', async () => {
    for (const lang of ['de', 'zh'] as const) {
      const { context, page } = await signedIn(lang, 390);
      try {
        expect(await noSidewaysScroll(page), `${lang}: the list`).toBe(true);
        await page.goto(`${suite.origin}/editor/events/isa-plenary-2018?lang=${lang}`);
        expect(await noSidewaysScroll(page), `${lang}: the form`).toBe(true);
        await page.goto(`${suite.origin}/editor/accounts?lang=${lang}`);
        expect(await noSidewaysScroll(page), `${lang}: the accounts`).toBe(true);
        await page.goto(`${suite.origin}/editor/import?lang=${lang}`);
        expect(await noSidewaysScroll(page), `${lang}: the import`).toBe(true);
        await page.goto(`${suite.origin}/editor/proposals?lang=${lang}`);
        expect(await noSidewaysScroll(page), `${lang}: the proposals`).toBe(true);
        await page.goto(`${suite.origin}/editor/cities/foshan?lang=${lang}`);
        expect(await noSidewaysScroll(page), `${lang}: a city`).toBe(true);
        expect(await axe(page)).toEqual([]);
        expect(await axe(page)).toEqual([]);
        await page.goto(`${suite.origin}/editor/events/isa-plenary-2018?lang=${lang}`);
        await page.screenshot({ path: join(SCREENSHOTS, `editor-phone-${lang}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }
  });
});
