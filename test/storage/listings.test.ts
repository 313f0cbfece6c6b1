/**
 * A city's listing follows its membership periods (docs/interface.md, "Cities"): at the boundaries of a period
 * at each precision, for observers and guests, for a city admitted at an event, and for an event's audience;
 * and it stays in step when a city or an event changes. Then the same rules on the real seed set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { currentStatus, periodEnd, periodStart } from '../../src/core/cities/membership.js';
import type { City, EventRecord, Membership } from '../../src/core/model.js';
import { earliestInstant } from '../../src/core/time/wall-time.js';
import { insertCityStatements, listCities, updateCityStatements } from '../../src/storage/cities-repository.js';
import { insertEventStatements, listEvents, updateEventStatements } from '../../src/storage/events-repository.js';
import { seedRecords } from '../../src/storage/seed.js';
import { makeCity, makeEvent } from '../fixtures/events.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

const period = (status: Membership['status'], from: string, more: Partial<Membership> = {}): Membership => ({
  status,
  from,
  sources: [],
  ...more,
});
const day = (value: string) => ({ value, fold: 0 as const });

/** The ids in a city's listing, all time. */
async function listing(t: TempStore, slug: string): Promise<string[]> {
  const page = await listEvents(t.store.db, { city: { slug }, from: Date.parse('1990-01-01T00:00:00Z'), limit: 500 });
  return page.items.map((e) => e.id).sort();
}

describe('listings follow membership periods', () => {
  let t: TempStore;
  const cities: City[] = [
    makeCity({ slug: 'host' }),
    makeCity({ slug: 'by-day', memberships: [period('member', '2020-05-10')] }),
    makeCity({ slug: 'by-month', memberships: [period('member', '2020-05')] }),
    makeCity({ slug: 'by-year', memberships: [period('member', '2019')] }),
    makeCity({ slug: 'admitted', memberships: [period('member', '2020-05', { admittedAt: 'plenary-0520' })] }),
    makeCity({
      slug: 'observer',
      memberships: [
        period('observer', '2019-01-01', { to: '2020-05-10', endReason: 'became-member', admittedAt: 'meeting-2019' }),
        period('member', '2020-05-10'),
      ],
    }),
    makeCity({ slug: 'guest', memberships: [period('guest', '2019-01-01')] }),
    makeCity({ slug: 'left', memberships: [period('member', '2019-01-01', { to: '2020-05-10', endReason: 'left' })] }),
    makeCity({ slug: 'german', country: 'DE', timeZone: 'Europe/Berlin', memberships: [period('member', '2019-01-01')] }),
  ];
  const allianceWide = (id: string, value: string, more: Partial<EventRecord> = {}) =>
    makeEvent({ id, kind: 'plenary', audience: 'all', cities: ['host'], start: day(value), ...more });
  const events = [
    allianceWide('meeting-2019', '2019-06-01'),
    allianceWide('day-before', '2020-05-09'),
    allianceWide('day-of', '2020-05-10'),
    allianceWide('meeting-0519', '2020-05-19'),
    allianceWide('plenary-0520', '2020-05-20'),
    allianceWide('june', '2020-06-01'),
    allianceWide('for-germans', '2020-07-01', { audience: 'DE', kind: 'conference' }),
    allianceWide('for-chinese', '2020-07-02', { audience: 'CN', kind: 'conference' }),
    makeEvent({ id: 'guest-visit', kind: 'visit', cities: ['host'], participants: ['guest'], start: day('2020-08-01') }),
  ];

  beforeAll(async () => {
    t = await tempStore(false);
    await t.store.batch([
      ...cities.flatMap((c) => insertCityStatements(t.store.db, c)),
      ...events.flatMap((e) => insertEventStatements(t.store.db, e)),
    ]);
  });
  afterAll(() => t.dispose());

  it('counts a period from its day: not the day before, the day itself', async () => {
    const ids = await listing(t, 'by-day');
    expect(ids).not.toContain('day-before');
    expect(ids).toContain('day-of');
  });

  it('counts a period given as a month or a year from the day after it ends', async () => {
    expect(await listing(t, 'by-month')).toEqual(['for-chinese', 'june']);
    // Member from "2019": not for June 2019, but for everything of 2020.
    expect(await listing(t, 'by-year')).not.toContain('meeting-2019');
    expect(await listing(t, 'by-year')).toContain('day-before');
  });

  it('gives a city admitted at an event that event, and none before it', async () => {
    expect(await listing(t, 'admitted')).toEqual(['for-chinese', 'june', 'plenary-0520']);
  });

  it('gives an observer nothing of the member events, then everything from its member period', async () => {
    const ids = await listing(t, 'observer');
    expect(ids).not.toContain('meeting-2019');
    expect(ids).not.toContain('day-before');
    expect(ids).toContain('day-of');
  });

  it('gives a guest only what it takes part in', async () => {
    expect(await listing(t, 'guest')).toEqual(['guest-visit']);
  });

  it('ends a period where `to` begins', async () => {
    const ids = await listing(t, 'left');
    expect(ids).toContain('day-before');
    expect(ids).not.toContain('day-of');
  });

  it("gives an event for one country's members to those members only", async () => {
    expect(await listing(t, 'german')).toContain('for-germans');
    expect(await listing(t, 'german')).not.toContain('for-chinese');
    expect(await listing(t, 'by-day')).toContain('for-chinese');
    expect(await listing(t, 'by-day')).not.toContain('for-germans');
  });

  it('keeps listings in step when a city changes its periods and when an event moves', async () => {
    const guest = cities.find((c) => c.slug === 'guest') as City;
    await t.store.batch(updateCityStatements(t.store.db, { ...guest, memberships: [period('member', '2020-06-01')], revision: 2 }));
    expect(await listing(t, 'guest')).toEqual(['for-chinese', 'guest-visit', 'june']);
    const june = events.find((e) => e.id === 'june') as EventRecord;
    await t.store.batch(updateEventStatements(t.store.db, { ...june, start: day('2020-05-31'), revision: 2 }));
    expect(await listing(t, 'guest')).toEqual(['for-chinese', 'guest-visit']);
    await t.store.batch(
      updateEventStatements(t.store.db, { ...june, start: day('2020-05-31'), audience: null, cities: ['guest'], revision: 3 }),
    );
    expect(await listing(t, 'guest')).toEqual(['for-chinese', 'guest-visit', 'june']);
    expect(await listing(t, 'by-month')).toEqual(['for-chinese']);
  });
});

describe('the seed set’s listings', () => {
  let t: TempStore;
  let stored: City[];
  const records = seedRecords(SEED_SET);
  beforeAll(async () => {
    t = await tempStore();
    stored = await listCities(t.store.db);
  });
  afterAll(() => t.dispose());

  /** Whether a city is a member for an alliance-wide event, by the rule of the interface, computed here. */
  const memberFor = (city: City, event: EventRecord) => {
    const start = earliestInstant(event.start ?? day('1900'), event.timeZone);
    return city.memberships.some(
      (m) =>
        m.status === 'member' &&
        (m.admittedAt === event.id || periodStart(m, city.timeZone) <= start) &&
        (periodEnd(m, city.timeZone) ?? Number.POSITIVE_INFINITY) > start,
    );
  };

  it('puts the founding in the listing of every founding member', async () => {
    const founders = stored.filter((c) => c.memberships.some((m) => m.admittedAt === 'isa-founding-2016'));
    // Eleven Chinese cities and seven German towns, three of which are one member (Drei gewinnt).
    expect(founders.map((c) => c.slug).sort()).toEqual([
      'aachen',
      'drei-gewinnt',
      'foshan',
      'guiyang',
      'ingolstadt',
      'jiangmen',
      'jiaozuo',
      'jieyang',
      'liuzhou',
      'nanning',
      'osnabrueck',
      'taizhou',
      'wuppertal',
      'yunfu',
      'zhaoqing',
      'zhuzhou',
    ]);
    for (const city of founders) expect(await listing(t, city.slug), city.slug).toContain('isa-founding-2016');
  });

  it("puts the German agencies' conferences in every German member's listing and in no Chinese one", async () => {
    const forGermans = records.filter((e) => e.audience === 'DE');
    expect(forGermans.map((e) => e.id)).toContain('isa-fachtagung-solingen-2018');
    for (const city of stored) {
      const ids = await listing(t, city.slug);
      for (const event of forGermans) {
        const expected = city.country === 'DE' && memberFor(city, event);
        if (!event.cities.includes(city.slug) && !event.participants.includes(city.slug))
          expect(ids.includes(event.id), `${event.id} in ${city.slug}`).toBe(expected);
      }
    }
    const germanMembers = stored.filter((c) => c.country === 'DE' && memberFor(c, forGermans[0] as EventRecord));
    expect(germanMembers.length).toBeGreaterThan(10);
  });

  it('gives every city exactly the events the interface’s rule gives it', async () => {
    for (const city of stored) {
      const expected = records
        .filter(
          (e) =>
            e.cities.includes(city.slug) ||
            e.participants.includes(city.slug) ||
            (e.audience !== null && (e.audience === 'all' || e.audience === city.country) && memberFor(city, e)),
        )
        .map((e) => e.id)
        .sort();
      expect(await listing(t, city.slug), city.slug).toEqual(expected);
    }
  });

  it('lists Chemnitz from its admission in April 2017: the 2017 meeting and the 2018 plenary', async () => {
    const ids = await listing(t, 'chemnitz');
    expect(ids).toContain('isa-member-meeting-2017-koeln-admission');
    expect(ids).toContain('isa-plenary-2018');
    expect(ids).not.toContain('isa-founding-2016');
  });

  it('tells members, observers, guests, former members and venues apart', () => {
    const status = new Map(stored.map((c) => [c.slug, currentStatus(c)]));
    expect(status.get('koeln')).toBe('member');
    expect(status.get('dortmund')).toBe('guest');
    expect(status.get('osnabrueck')).toBe('former');
    expect(status.get('hannover')).toBeNull();
    expect(stored.find((c) => c.slug === 'osnabrueck')?.memberships.map((m) => m.status)).toEqual(['member']);
  });
});
