/**
 * Two writes of the same revision: the second batch must fail whole (history uniqueness) and be recognised
 * as a lost race. Run on SQLite (lost-race.test.ts) and on D1 (test/workers/lost-race.workers.test.ts).
 */
import { expect, it } from 'vitest';
import { insertCityStatements } from '../../src/storage/cities-repository.js';
import { bumpDataVersion } from '../../src/storage/data-version.js';
import { getEvent, insertEventStatements, updateEventStatements } from '../../src/storage/events-repository.js';
import { isLostRace, recordChange } from '../../src/storage/history-repository.js';
import type { Store } from '../../src/storage/store.js';
import { makeCity, makeEvent } from '../fixtures/events.js';

/** Registers the lost-race test against a migrated, empty store. */
export function itRollsBackALostRace(runtime: string, getStore: () => Store): void {
  it(`rolls back the second of two writes of one revision on ${runtime}`, async () => {
    const store = getStore();
    const { db } = store;
    const foshan = makeCity({ slug: 'foshan', name: { de: 'Foshan', en: 'Foshan', zh: '佛山' } });
    const created = makeEvent({ id: 'race' });
    await store.batch([
      ...insertCityStatements(db, foshan),
      ...insertEventStatements(db, created),
      recordChange(db, { eventId: 'race', revision: 1, action: 'created', actor: 'a', at: created.updated, before: null, after: created }),
    ]);
    const write = (title: string) => {
      const after = { ...created, title: { de: title }, revision: 2, updated: '2026-11-28T00:00:00Z' };
      return store.batch([
        ...updateEventStatements(db, after),
        recordChange(db, { eventId: 'race', revision: 2, action: 'changed', actor: 'a', at: after.updated, before: created, after }),
        bumpDataVersion(db, after.updated),
      ]);
    };
    await write('first');
    const error = await write('second').then(
      () => null,
      (e: unknown) => e,
    );
    expect(isLostRace(error), String(error)).toBe(true);
    expect((await getEvent(db, 'race'))?.title).toEqual({ de: 'first' });
    expect((await getEvent(db, 'race'))?.cities).toEqual(['foshan']);
  });
}
