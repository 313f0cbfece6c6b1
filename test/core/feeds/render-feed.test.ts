import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { SEED_SET } from '../../../seeds/index.js';
import { buildFeed, itemId, titleDate } from '../../../src/core/feeds/build-feed.js';
import { renderFeed } from '../../../src/core/feeds/render-feed.js';
import type { EventRecord, Lang } from '../../../src/core/model.js';
import { seedRecords } from '../../../src/storage/seed.js';
import { makeEvent, TEST_CATALOGUE } from '../../fixtures/events.js';
import { parseJsonFeed, parseXmlFeed } from '../../fixtures/feed-parsers.js';

const EVIL_TITLE = 'Böse ]]> <script>alert("x")</script> & Co. 😀';
const SEEDS = seedRecords(SEED_SET);
const EVIL = makeEvent({
  id: 'evil',
  title: { de: `${EVIL_TITLE}\u0000\u0007\u001b` },
  description: { de: 'Text with ]]> and <img src=x onerror=alert(1)> and\u000b control' },
  location: '<b>Ort</b>',
  sources: [{ ref: 'hostile-source', note: ']]></content>' }],
});
const CANCELLED = makeEvent({
  id: 'called-off',
  status: 'cancelled',
  cancelledAt: '2027-09-01T00:00:00Z',
  title: { de: 'Abgesagtes Treffen', en: 'Called-off meeting' },
});

function meta(lang: Lang) {
  const base = 'https://isa.example.org';
  return {
    lang,
    title: 'ISA – Test & <Co>',
    uidDomain: 'isa-calendar.invalid',
    publicUrl: base,
    pageUrl: `${base}/?lang=${lang}`,
    feedLinks: {
      rss: `${base}/feed.rss?lang=${lang}&kind=plenary`,
      atom: `${base}/feed.atom?lang=${lang}&kind=plenary`,
      json: `${base}/feed.json?lang=${lang}&kind=plenary`,
    },
    emptyUpdated: '2026-11-27T00:00:00Z',
    sources: TEST_CATALOGUE,
    cities: new Map(),
    feedKey: '/feed.plenary.de.atom',
  };
}

const render = (events: readonly EventRecord[], format: 'rss' | 'atom' | 'json', lang: Lang = 'de') =>
  renderFeed(buildFeed(events, meta(lang)), format, lang);
const ALL = [...SEEDS, EVIL, CANCELLED];

describe('feeds', () => {
  for (const format of ['rss', 'atom'] as const) {
    it(`${format}: parses, with one stable id per event, data dates and the event date in the title`, () => {
      const feed = parseXmlFeed(render(ALL, format));
      expect(feed.items).toHaveLength(ALL.length);
      const ids = feed.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(itemId('isa-calendar.invalid', 'isa-plenary-2018', '/feed.plenary.de.atom'));
      const plenary = feed.items.find((i) => i.id === itemId('isa-calendar.invalid', 'isa-plenary-2018', '/feed.plenary.de.atom'));
      expect(plenary?.title).toBe('24.10.2018 · 6. Plenarversammlung der ISA in Foshan');
      expect(plenary?.url).toBe('https://isa.example.org/events/isa-plenary-2018.de.html');
      expect(plenary?.published?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
      expect(plenary?.content).toContain('Deutschland: 23.10.2018 18:00 – 24.10.2018 18:00 (MESZ, UTC+2)');
      expect(feed.language).toBe('de');
      expect(feed.title).toBe('ISA – Test & <Co>');
      expect(feed.items.find((i) => i.id?.includes(':isa-fachtagung-solingen-2018/'))?.title).toBe(
        'Juli 2018 · 4. Fachtagung der Wirtschaftsförderungen der ISA in Solingen',
      );
      expect(feed.items.find((i) => i.id?.includes(':dresden-delegation-jinan-2018/'))?.title).toMatch(/^bis 02\.11\.2018 · /);
    });
  }

  it('json: validates as JSON Feed 1.1 with language and authors', () => {
    const feed = parseJsonFeed(render(ALL, 'json', 'zh'));
    expect(feed.language).toBe('zh');
    expect(feed.items).toHaveLength(ALL.length);
    expect(feed.items.find((i) => i.id === itemId('isa-calendar.invalid', 'isa-plenary-2018', '/feed.plenary.de.atom'))?.title).toBe(
      `2018年10月24日 · ${SEEDS.find((e) => e.id === 'isa-plenary-2018')?.title.zh}`,
    );
  });

  it('atom and rss carry self and alternate links, xml:lang, and valid &-escaped URLs', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const atom = parser.parse(render(ALL, 'atom', 'en'));
    expect(atom.feed['xml:lang']).toBe('en');
    expect(atom.feed.link).toEqual(
      expect.arrayContaining([
        { rel: 'alternate', href: 'https://isa.example.org/?lang=en' },
        { rel: 'self', href: 'https://isa.example.org/feed.atom?lang=en&kind=plenary' },
      ]),
    );
    const rss = parser.parse(render(ALL, 'rss', 'en'));
    expect(rss.rss.channel['atom:link']).toMatchObject({ rel: 'self', href: 'https://isa.example.org/feed.rss?lang=en&kind=plenary' });
    expect(rss.rss.channel.language).toBe('en');
  });

  it('regression: ]]>, <script> and control characters neither break the XML nor run, in all three formats', () => {
    for (const format of ['rss', 'atom'] as const) {
      const xml = render([EVIL], format);
      const item = parseXmlFeed(xml).items[0];
      // The reader gets the title text back as text, and the content's markup is the app's own only.
      expect(item?.title).toBe(`${titleDate(EVIL, 'de')} · ${EVIL_TITLE}`);
      const outsideTitles = xml.replace(/<title[^>]*>[\s\S]*?<\/title>/g, '');
      expect(outsideTitles).not.toMatch(/<script|<img|<b>/);
      expect(outsideTitles).toContain('&lt;script&gt;');
      if (format === 'atom') expect(xml).toMatch(/<title type="text"><!\[CDATA\[/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
    const json = parseJsonFeed(render([EVIL], 'json'));
    expect(json.items[0]?.title).toContain(EVIL_TITLE);
    expect(json.items[0]?.content_html).not.toMatch(/<script|<img|<b>/);
  });

  it('marks cancelled events in title and content', () => {
    const feed = parseXmlFeed(render([CANCELLED], 'rss', 'en'));
    expect(feed.items[0]?.title).toMatch(/ · Cancelled: Called-off meeting$/);
    expect(feed.items[0]?.content).toContain('<strong>Cancelled</strong>');
  });

  it('shows both dates when a timed event falls on another day on the other side', () => {
    const early = makeEvent({ id: 'early', precision: 'minute', start: { value: '2027-10-24T03:00', fold: 0 } });
    expect(titleDate(early, 'de')).toBe('24.10.2027 (Deutschland: 23.10.2027)');
    expect(titleDate({ ...early, start: { value: '2027-10-24T09:00', fold: 0 } }, 'de')).toBe('24.10.2027');
  });

  it('is reproducible: the same data gives the same bytes whatever the clock says, dated by the data', () => {
    vi.useFakeTimers();
    try {
      for (const format of ['rss', 'atom', 'json'] as const) {
        vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
        const first = render(ALL, format);
        // A renderer that read the clock (feed's default `updated`, a build date) would differ now.
        vi.setSystemTime(new Date('2041-06-15T12:34:56Z'));
        expect(render(ALL, format), format).toBe(first);
        expect(first, format).not.toMatch(/2030|2041/);
      }
      expect(render([], 'atom')).toContain('<updated>2026-11-27T00:00:00.000Z</updated>');
    } finally {
      vi.useRealTimers();
    }
  });
});
