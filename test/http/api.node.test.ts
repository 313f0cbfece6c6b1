/**
 * The read API on Node: a real server on a loopback port over a real SQLite file, seeded on start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeServer, startNodeServer } from '../../src/node.js';
import { describeReadApi } from './api-contract.js';
import { describeCalendars } from './calendar-contract.js';
import { describeFeeds } from './feed-contract.js';
import { describeWrites, WRITE_TOKEN } from './write-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'isa-api-'));
const env = { PORT: '0', DATABASE_PATH: join(dir, 'isa.sqlite'), ADMIN_TOKEN: WRITE_TOKEN };
let server: NodeServer;

beforeAll(async () => {
  server = await startNodeServer(env);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describeReadApi('Node + SQLite', () => (path, init) => fetch(`${server.url}${path}`, init));

describe('Node server restarts', () => {
  it('keeps everything and duplicates nothing when restarted on the same file', async () => {
    const count = async (table: 'events' | 'cities' | 'city_names' | 'event_cities') =>
      (
        await server.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = {
      events: await count('events'),
      cities: await count('cities'),
      names: await count('city_names'),
      links: await count('event_cities'),
    };
    const listing = await (await fetch(`${server.url}/api/v1/events?from=2000-01-01`)).text();
    // An edit that the seeds must never overwrite.
    await server.store.db.updateTable('events').set({ title_de: 'Geändert' }).where('id', '=', 'isa-plenary-2018').execute();
    await server.close();
    server = await startNodeServer(env);
    expect({
      events: await count('events'),
      cities: await count('cities'),
      names: await count('city_names'),
      links: await count('event_cities'),
    }).toEqual(before);
    expect(before.events).toBe(11);
    const plenary = (await (await fetch(`${server.url}/api/v1/events/isa-plenary-2018`)).json()) as { title: { de: string } };
    expect(plenary.title.de).toBe('Geändert');
    await server.store.db
      .updateTable('events')
      .set({ title_de: '6. Plenarversammlung der ISA in Foshan' })
      .where('id', '=', 'isa-plenary-2018')
      .execute();
    expect(await (await fetch(`${server.url}/api/v1/events?from=2000-01-01`)).text()).toBe(listing);
  });
});

describeCalendars('Node + SQLite', () => (path, init) => fetch(`${server.url}${path}`, init));
describeFeeds('Node + SQLite', () => (path, init) => fetch(`${server.url}${path}`, init));
describeWrites('Node + SQLite', () => (path, init) => fetch(`${server.url}${path}`, init));
