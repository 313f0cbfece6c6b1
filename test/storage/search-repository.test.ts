/**
 * The search over the FTS5 index in a real SQLite file: what readers type finds what they expect (Chinese
 * substrings of any length, German words with or without umlauts, kinds by their names), the index follows
 * every write, and a rebuild gives the same answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/core/text/search-text.js';
import { deleteEventStatements, insertEventStatements, updateEventStatements } from '../../src/storage/events-repository.js';
import { ensureSearchIndex, rebuildSearchIndex, searchEvents, searchIndexCurrent } from '../../src/storage/search-repository.js';
import { makeEvent } from '../fixtures/events.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

let t: TempStore;

beforeAll(async () => {
  t = await tempStore();
  await t.store.batch([
    ...insertEventStatements(
      t.store.db,
      makeEvent({
        id: 'plenary-foshan',
        kind: 'plenary',
        title: { de: 'Plenarversammlung in Foshan', zh: '中德工业城市联盟第六次全体会议（佛山）' },
        location: 'Foshan, Guangdong',
      }),
    ),
    ...insertEventStatements(
      t.store.db,
      makeEvent({
        id: 'koeln-visit',
        kind: 'visit',
        title: { de: 'Besuch aus Köln', en: 'Visit from Cologne' },
        description: { de: 'Gespräche in der Münchener Straße' },
        cities: ['koeln'],
        timeZone: 'Europe/Berlin',
        start: { value: '2027-03-02', fold: 0 },
      }),
    ),
  ]);
});
afterAll(() => t.dispose());

const OURS = new Set(['plenary-foshan', 'koeln-visit']);

/** The ids of this file's events a query finds (the seeds are there too). */
const find = async (query: string) =>
  (await searchEvents(t.store.db, { terms: searchTerms(query).map((term) => ({ match: term.match, cities: [] })), limit: 500 }))
    .map((e) => e.id)
    .filter((id) => OURS.has(id));

describe('searchEvents', () => {
  it('finds Chinese substrings of one, two and more characters', async () => {
    expect(await find('佛山')).toEqual(['plenary-foshan']);
    expect(await find('全体会议')).toEqual(['plenary-foshan']);
    expect(await find('六')).toEqual(['plenary-foshan']);
    expect(await find('会议佛山')).toEqual([]);
  });

  it('finds a plenary by its kind\'s name in any language ("全体大会", "Plenarversammlung" style)', async () => {
    expect(await find('全体大会')).toEqual(['plenary-foshan']);
    expect(await find('plenary')).toEqual(['plenary-foshan']);
  });

  it('finds German words written with, without or spelled-out umlauts, and prefixes', async () => {
    for (const query of ['Köln', 'Koln', 'Koeln', 'KÖLN', 'köl', 'Muenchener', 'Munchener'])
      expect(await find(query), query).toEqual(['koeln-visit']);
    expect(await find('Cologne')).toEqual(['koeln-visit']);
  });

  it('needs every term to match, and treats FTS5 syntax as text', async () => {
    expect(await find('Foshan Köln')).toEqual([]);
    expect(await find('Foshan Guangdong')).toEqual(['plenary-foshan']);
    expect(await find('"Foshan*')).toEqual(['plenary-foshan']);
    expect(await find('Foshan) OR (Köln')).toEqual([]);
    expect(await find('*** ()')).toEqual([]);
  });

  it('follows updates and deletes of events', async () => {
    const renamed = makeEvent({ id: 'koeln-visit', revision: 2, title: { de: 'Besuch aus Solingen' }, cities: ['solingen'] });
    await t.store.batch(updateEventStatements(t.store.db, renamed));
    expect(await find('Köln')).toEqual([]);
    expect(await find('Solingen')).toEqual(['koeln-visit']);
    await t.store.batch(deleteEventStatements(t.store.db, 'koeln-visit'));
    expect(await find('Solingen')).toEqual([]);
  });

  it('regression: an index built by an older version is rebuilt, with the same answers', async () => {
    await t.store.db.updateTable('search_index').set({ version: 0 }).execute();
    expect(await searchIndexCurrent(t.store.db)).toBe(false);
    expect(await ensureSearchIndex(t.store)).toBe(true);
    expect(await searchIndexCurrent(t.store.db)).toBe(true);
    expect(await ensureSearchIndex(t.store)).toBe(false);
    await t.store.db.deleteFrom('event_search').execute();
    expect(await find('佛山')).toEqual([]);
    const events = await t.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await rebuildSearchIndex(t.store)).toBe(events.n);
    expect(await find('佛山')).toEqual(['plenary-foshan']);
    expect(await find('全体大会')).toEqual(['plenary-foshan']);
  });
});
