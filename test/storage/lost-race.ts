/**
 * Two writes of the same revision: the second batch must fail whole (history uniqueness) and be recognised
 * as a lost race. Run on SQLite (lost-race.test.ts) and on D1 (test/workers/lost-race.workers.test.ts).
 */
import { expect, it } from 'vitest';
import { insertCityStatements } from '../../src/storage/cities-repository.js';
import { bumpDataVersion } from '../../src/storage/data-version.js';
import { eventWriteStatements, getEvent } from '../../src/storage/events-repository.js';
import { isLostRace } from '../../src/storage/history-repository.js';
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
      ...eventWriteStatements(db, [{ before: null, after: created }], { actor: 'a' }),
    ]);
    const write = (title: string) => {
      const after = { ...created, title: { de: title }, revision: 2, updated: '2026-11-28T00:00:00Z' };
      return store.batch([...eventWriteStatements(db, [{ before: created, after }], { actor: 'a' }), bumpDataVersion(db, after.updated)]);
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
