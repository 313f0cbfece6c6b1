/**
 * Property: whatever passes validation can be published. Random events that the write API accepts — years
 * across the supported range, text from every Unicode plane, any zone of the tz database, every precision —
 * are stored through the API; then every public document of the app answers 200 and reads with a real parser
 * of its format (fixtures/documents.ts), and every instant of every calendar is the API's. fast-check with a
 * fixed seed; FUZZ_SEED=<n> explores others.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { unsafeCharacter } from '../../src/core/text/safe-text.js';
import tzNames from '../../src/core/time/tz-names.json' with { type: 'json' };
import { checkWallTime, MAX_YEAR, MIN_YEAR } from '../../src/core/time/wall-time.js';
import { createApp } from '../../src/http/app.js';
import { memoryLimiters } from '../../src/http/rate-limit.js';
import { testConfig } from '../fixtures/config.js';
import { expectParses, publicDocuments } from '../fixtures/documents.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const TOKEN = 'property-token-0123456789';
const RUNS = 4;
const EVENTS_PER_RUN = 12;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Text people could write: any code point the edge accepts, 1–60 of them, not only spaces. */
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((s) => unsafeCharacter(s) === null && s.trim() !== '');

/** A time literal of a precision, in the supported years (it may still not exist in the zone: filtered below). */
const literal = (precision: 'minute' | 'day' | 'month' | 'year') =>
  fc
    .record({
      year: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    })
    .map(({ year, month, day, hour, minute }) => {
      const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      if (precision === 'year') return pad(year, 4);
      if (precision === 'month') return date.slice(0, 7);
      if (precision === 'day') return date;
      return `${date}T${pad(hour)}:${pad(minute)}`;
    });

const slugs = SEED_SET.cities.map((c) => c.slug);

const eventInput = fc
  .record({
    kind: fc.constantFrom('member-meeting', 'plenary', 'delegation', 'conference', 'fair', 'visit', 'founding', 'other'),
    title: fc.record({ de: text, en: text, zh: text }, { requiredKeys: [] }).filter((t) => Object.keys(t).length > 0),
    description: fc.option(fc.record({ de: text, zh: text }, { requiredKeys: ['de'] }), { nil: undefined }),
    cities: fc.uniqueArray(fc.constantFrom(...slugs), { minLength: 1, maxLength: 2 }),
    participants: fc.uniqueArray(fc.constantFrom(...slugs), { maxLength: 2 }),
    allianceWide: fc.boolean(),
    timeZone: fc.constantFrom(...tzNames.zones),
    precision: fc.constantFrom('minute', 'day', 'month', 'year'),
    location: fc.option(text, { nil: undefined }),
    startKnown: fc.integer({ min: 0, max: 9 }),
  })
  .chain((e) => fc.record({ e: fc.constant(e), start: literal(e.precision), end: fc.option(literal(e.precision), { nil: undefined }) }))
  .map(({ e, start, end }) => {
    const [first, second] = end !== undefined && end < start ? [end, start] : [start, end];
    const { startKnown, precision: _precision, ...rest } = e;
    // One in ten has an unknown start and a known end, as the Dresden delegation.
    return startKnown === 0 && second !== undefined ? { ...rest, start: null, end: second } : { ...rest, start: first, end: second };
  })
  .filter((e) => [e.start, e.end].every((t) => t === null || t === undefined || checkWallTime(t, e.timeZone).ok));

let t: TempStore;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  t = await tempStore();
  let n = 0;
  const limiters = memoryLimiters({ failedAuth: 1_000_000, writes: 1_000_000 }, Date.now);
  app = createApp(() => ({
    store: t.store,
    clock: () => Date.parse('2026-12-02T08:00:00Z'),
    config: testConfig({ writers: [{ label: 'property', token: TOKEN }] }),
    newId: () => `property-${++n}`,
    limiters,
  }));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.dispose();
});

describe('store, then fetch every public document', () => {
  it('publishes every event the write API accepts, in documents that real parsers read', { timeout: 120_000 }, async () => {
    const stored: Array<{ id: string; inCalendar: boolean }> = [];
    // The API's instants of timed events, to hold every calendar to them.
    const instants = new Map<string, { start: number; end: number | null }>();
    const cities = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(eventInput, { minLength: EVENTS_PER_RUN, maxLength: EVENTS_PER_RUN }), async (inputs) => {
        for (const input of inputs) {
          const res = await app.request('/api/v1/events', {
            method: 'POST',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(input),
          });
          const body = (await res.json()) as {
            id: string;
            precision: string;
            start: { utc?: string } | null;
            end: { utc?: string } | null;
          };
          expect(res.status, `${JSON.stringify(input)} → ${JSON.stringify(body)}`).toBe(201);
          if (body.start?.utc)
            instants.set(body.id, { start: Date.parse(body.start.utc), end: body.end?.utc ? Date.parse(body.end.utc) : null });
          stored.push({ id: body.id, inCalendar: body.start !== null && (body.precision === 'day' || body.precision === 'minute') });
          for (const city of input.cities) cities.add(city);
        }
        for (const [path, format] of publicDocuments(stored.slice(-EVENTS_PER_RUN), [...cities].slice(0, 4))) {
          const res = await app.request(path);
          const body = await res.text();
          expect(res.status, `${path}: ${body.slice(0, 300)}`).toBe(200);
          expectParses(path, format, body);
          if (format !== 'ics') continue;
          // Every instant exactly the API's, in every zone and year (ical.js reads TZIDs with the file's VTIMEZONEs).
          for (const event of parseWithIcalJs(body)) {
            const api = instants.get(event.uid.replace(/@.*$/, ''));
            if (!api) continue;
            expect(event.start.instant, `${path} ${event.uid} DTSTART`).toBe(api.start);
            if (api.end !== null) expect(event.end?.instant, `${path} ${event.uid} DTEND`).toBe(api.end);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Nothing was left out of a document: every accepted event could be rendered.
    expect(logged).toEqual([]);
  });
});
