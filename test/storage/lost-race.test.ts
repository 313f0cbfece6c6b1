import { afterAll, beforeAll } from 'vitest';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';
import { itRollsBackALostRace } from './lost-race.js';

let t: TempStore;
beforeAll(async () => {
  t = await tempStore(false);
});
afterAll(() => t.dispose());

itRollsBackALostRace('SQLite', () => t.store);
