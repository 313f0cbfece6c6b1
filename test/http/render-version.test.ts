/**
 * RENDER_VERSION must change whenever what the renderers write changes, or data centres and clients keep old
 * bytes after a deploy. This pins a digest of every kind of document, rendered from fixed data, to the version:
 * a change of output fails here until RENDER_VERSION is raised and the new digest recorded below.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { RENDER_VERSION } from '../../src/documents/render-version.js';
import { createApp } from '../../src/http/app.js';
import { insertCityStatements } from '../../src/storage/cities-repository.js';
import { bumpDataVersion } from '../../src/storage/data-version.js';
import { insertEventStatements } from '../../src/storage/events-repository.js';
import { seedCities } from '../../src/storage/seed.js';
import { insertSourceStatement } from '../../src/storage/sources-repository.js';
import { testConfig } from '../fixtures/config.js';
import { makeEvent } from '../fixtures/events.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

/** The version and the digest of the documents it renders; update both together. */
const PINNED = { version: '8', digest: '8af5de61fd994029' };

const DOCUMENTS = [
  '/calendar.de.ics',
  '/calendar.zh.ics',
  '/cities/foshan/calendar.en.ics',
  '/events/pinned-timed.ics',
  '/feed.de.rss',
  '/feed.en.atom',
  '/feed.zh.json',
  '/feeds.en.opml',
  '/changes.atom',
  '/',
  '/cities/foshan?lang=zh',
  '/events/pinned-timed?lang=en',
];

let t: TempStore;
beforeAll(async () => {
  t = await tempStore(false);
  const { db } = t.store;
  const cities = seedCities(SEED_SET).filter((c) => ['foshan', 'koeln', 'hannover'].includes(c.slug));
  await t.store.batch([
    ...SEED_SET.sources.map((s) => insertSourceStatement(db, s)),
    ...cities.flatMap((c) => insertCityStatements(db, c)),
    ...[
      makeEvent({ id: 'pinned-day', sources: [{ ref: 'koeln-joins-isa-2017', note: 'A note.' }] }),
      makeEvent({
        id: 'pinned-timed',
        precision: 'minute',
        start: { value: '2027-10-24T09:00', fold: 0 },
        end: { value: '2027-10-24T17:00', fold: 0 },
        title: { de: 'Zeit', zh: '时间' },
        participants: ['koeln'],
      }),
      makeEvent({ id: 'pinned-month', precision: 'month', start: { value: '2027-11', fold: 0 }, cities: ['koeln'], audience: 'all' }),
    ].flatMap((e) => insertEventStatements(db, e)),
    bumpDataVersion(db, '2026-11-27T00:00:00Z'),
  ]);
});
afterAll(() => t.dispose());

describe('render version', () => {
  it('is raised whenever the output changes (PINNED records the digest of this version)', async () => {
    const app = createApp(() => ({ store: t.store, clock: () => Date.parse('2026-12-02T08:00:00Z'), config: testConfig() }));
    const hash = createHash('sha256');
    for (const path of DOCUMENTS) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      hash.update(`${path}\n`).update(new Uint8Array(await res.arrayBuffer()));
    }
    const digest = hash.digest('hex').slice(0, 16);
    expect(RENDER_VERSION, 'RENDER_VERSION changed: record its digest in PINNED').toBe(PINNED.version);
    expect(digest, `the output changed: raise RENDER_VERSION and set PINNED to { version, digest: '${digest}' }`).toBe(PINNED.digest);
  });
});
