import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCity, insertCityStatements } from '../../src/storage/cities-repository.js';
import { type EventFilter, getEvent, insertEventStatements, listEvents } from '../../src/storage/events-repository.js';
import { makeCity, makeEvent } from '../fixtures/events.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

let t: TempStore;
const at = (iso: string) => Date.parse(iso);

beforeAll(async () => {
  t = await tempStore(false);
  const { store } = t;
  await store.batch([
    ...insertCityStatements(
      store.db,
      makeCity({
        slug: 'foshan',
        name: { de: 'Foshan', en: 'Foshan', zh: '佛山' },
        memberships: [{ status: 'member', from: '2017', sources: [] }],
      }),
    ),
    ...insertCityStatements(
      store.db,
      makeCity({
        slug: 'hamburg',
        name: { de: 'Hamburg', en: 'Hamburg', zh: '汉堡' },
        country: 'DE',
        timeZone: 'Europe/Berlin',
        memberships: [{ status: 'member', from: '2021-06', sources: [] }],
      }),
    ),
  ]);
  // 30 events on one day (same sort key) to page through, a long-running one, and alliance-wide ones.
  const events = [
    ...Array.from({ length: 30 }, (_, i) => makeEvent({ id: `same-day-${String(i).padStart(2, '0')}` })),
    makeEvent({ id: 'long-expo', start: { value: '2020-01-01', fold: 0 }, end: { value: '2030-12-31', fold: 0 } }),
    makeEvent({ id: 'plenary-2019', kind: 'plenary', audience: 'all', cities: ['foshan'], start: { value: '2019-10-24', fold: 0 } }),
    makeEvent({ id: 'plenary-2021', kind: 'plenary', audience: 'all', cities: ['foshan'], start: { value: '2021-10-24', fold: 0 } }),
  ];
  await store.batch(events.flatMap((e) => insertEventStatements(store.db, e)));
});
afterAll(() => t.dispose());

async function allPages(filter: Omit<EventFilter, 'after'>): Promise<string[]> {
  const ids: string[] = [];
  let after: EventFilter['after'];
  for (let i = 0; i < 100; i++) {
    const page = await listEvents(t.store.db, { ...filter, ...(after && { after }) });
    ids.push(...page.items.map((e) => e.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('pagination did not end');
}

describe('listEvents', () => {
  it('pages through events with equal start keys, each exactly once, in id order', async () => {
    const whole = (await listEvents(t.store.db, { from: at('2027-01-01T00:00:00Z'), limit: 500 })).items.map((e) => e.id);
    for (const limit of [1, 7, 30]) expect(await allPages({ from: at('2027-01-01T00:00:00Z'), limit }), `limit ${limit}`).toEqual(whole);
    expect(whole.filter((id) => id.startsWith('same-day'))).toHaveLength(30);
    expect(whole[0]).toBe('long-expo');
  });

  it('finds an event that started long before `from` and is still running', async () => {
    const page = await listEvents(t.store.db, { from: at('2029-06-01T00:00:00Z'), to: at('2029-06-02T00:00:00Z'), limit: 10 });
    expect(page.items.map((e) => e.id)).toEqual(['long-expo']);
  });

  it('gives a member city alliance-wide events from its membership on, once each, with its own', async () => {
    const foshan = await findCity(t.store.db, '佛山');
    const hamburg = await findCity(t.store.db, 'hamburg');
    if (!foshan || !hamburg) throw new Error('cities missing');
    const inFoshan = await allPages({ city: foshan, from: at('2000-01-01T00:00:00Z'), limit: 4 });
    expect(inFoshan.slice(0, 3)).toEqual(['plenary-2019', 'long-expo', 'plenary-2021']);
    expect(new Set(inFoshan).size).toBe(inFoshan.length);
    expect(inFoshan).toHaveLength(33);
    expect(await allPages({ city: hamburg, from: at('2000-01-01T00:00:00Z'), limit: 50 })).toEqual(['plenary-2021']);
  });

  it('filters by kind and returns a stored event with its cities', async () => {
    const page = await listEvents(t.store.db, { kinds: ['plenary'], from: at('2000-01-01T00:00:00Z'), limit: 50 });
    expect(page.items.map((e) => e.id)).toEqual(['plenary-2019', 'plenary-2021']);
    expect(await getEvent(t.store.db, 'plenary-2019')).toMatchObject({
      cities: ['foshan'],
      participants: [],
      audience: 'all',
      start: { value: '2019-10-24', fold: 0 },
    });
    expect(await getEvent(t.store.db, 'nope')).toBeNull();
  });
});
