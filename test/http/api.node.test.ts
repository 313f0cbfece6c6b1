/**
 * The HTTP contract on Node: each suite against its own real server on a loopback port over its own SQLite
 * file, seeded on start, at the test clock.
 */

import { describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { describeReadApi } from './api-contract.js';
import { describeCacheKeys } from './cache-keys-contract.js';
import { describeCalendars } from './calendar-contract.js';
import { describeEditor } from './editor-contract.js';
import { describeFeeds } from './feed-contract.js';
import { describeHardening } from './hardening-contract.js';
import { describeImports } from './import-contract.js';
import { serveForSuite } from './node-server.js';
import { describeViews } from './views-contract.js';
import { describeWrites, WRITE_TOKEN } from './write-contract.js';

describe('Node + SQLite', () => {
  describe('read API', () => {
    const s = serveForSuite();
    describeReadApi('Node + SQLite', () => s.fetch);
  });

  describe('restarts', () => {
    const s = serveForSuite();
    it('keeps everything and duplicates nothing when restarted on the same file', async () => {
      const count = async (table: 'events' | 'cities' | 'city_names' | 'event_cities' | 'sources') =>
        (
          await s
            .server()
            .store.db.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const counts = async () => ({
        events: await count('events'),
        cities: await count('cities'),
        names: await count('city_names'),
        links: await count('event_cities'),
        sources: await count('sources'),
      });
      const before = await counts();
      const listing = await (await s.fetch('/api/v1/events?from=2000-01-01')).text();
      const seeded = await s
        .server()
        .store.db.selectFrom('events')
        .select('title_de')
        .where('id', '=', 'isa-plenary-2018')
        .executeTakeFirstOrThrow();
      // An edit that the seeds must never overwrite.
      await s.server().store.db.updateTable('events').set({ title_de: 'Geändert' }).where('id', '=', 'isa-plenary-2018').execute();
      await s.restart();
      expect(await counts()).toEqual(before);
      expect(before.events).toBe(SEED_SET.events.length);
      const plenary = (await (await s.fetch('/api/v1/events/isa-plenary-2018')).json()) as { title: { de: string } };
      expect(plenary.title.de).toBe('Geändert');
      await s.server().store.db.updateTable('events').set({ title_de: seeded.title_de }).where('id', '=', 'isa-plenary-2018').execute();
      expect(await (await s.fetch('/api/v1/events?from=2000-01-01')).text()).toBe(listing);
    });
  });

  describe('calendars', () => {
    const s = serveForSuite();
    describeCalendars('Node + SQLite', () => s.fetch);
  });

  describe('feeds', () => {
    const s = serveForSuite();
    describeFeeds('Node + SQLite', () => s.fetch);
  });

  describe('editor', () => {
    const s = serveForSuite({ ADMIN_TOKEN: WRITE_TOKEN });
    describeEditor('Node + SQLite', () => ({ fetch: s.fetch, origin: new URL(s.server().url).origin }));
  });

  describe('hardening', () => {
    const s = serveForSuite({ ADMIN_TOKEN: WRITE_TOKEN });
    describeHardening('Node + SQLite', () => ({
      fetch: s.fetch,
      sql: async (statement) => void s.server().store.raw.exec(statement),
      origin: new URL(s.server().url).origin,
    }));
  });

  describe('kept documents', () => {
    const s = serveForSuite();
    describeCacheKeys('Node + SQLite', () => s.server().store);
  });

  describe('imports', () => {
    const s = serveForSuite({ ADMIN_TOKEN: WRITE_TOKEN });
    describeImports('Node + SQLite', () => s.fetch);
  });
  describe('views', () => {
    const s = serveForSuite();
    describeViews('Node + SQLite', () => s.fetch);
  });

  describe('writes', () => {
    const s = serveForSuite({ ADMIN_TOKEN: WRITE_TOKEN });
    describeWrites('Node + SQLite', () => s.fetch);
  });
});
