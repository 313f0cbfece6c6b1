/**
 * Loading a newer seed revision into a database that already exists: the database the revision-1 release left
 * (test/fixtures/seed-revision-1/database.sql: seeded with revision 1, then one seeded event edited and one event
 * added through its API), migrated, then loaded with the current seed set. Run on SQLite
 * (seed-upgrade.test.ts) and on D1 (test/workers/seed-upgrade.workers.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { listCities } from '../../src/storage/cities-repository.js';
import { getEvent, getEvents, listEvents } from '../../src/storage/events-repository.js';
import { applySeedSet, describeSeedReport, type SeedReport, seedRecords } from '../../src/storage/seed.js';
import type { Store } from '../../src/storage/store.js';
import fixture from '../fixtures/seed-revision-1/database.sql?raw';

/** The fixture's statements, one per line (comments left out). */
export const FIXTURE_STATEMENTS = fixture.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('--'));

/** Migrations the revision-1 release had; the fixture's data fits a database migrated to the last of them. */
export const RELEASE_1_MIGRATIONS = 7;

/** The edited seeded event and the event an editor added, as the fixture holds them. */
const EDITED = 'isa-plenary-2018';
const EDITED_LOCATION = 'Foshan, Tanzhou Convention and Exhibition Center (edited by the secretariat)';
const ADDED_BY_EDITOR = '49b965b0-df53-4184-8aee-a20e502a84bf';

/**
 * Registers the upgrade tests. `open` gives a store whose database holds the fixture's data at migration
 * RELEASE_1_MIGRATIONS and then all migrations.
 */
export function describeSeedUpgrade(runtime: string, open: () => Promise<Store>): void {
  describe(`a revision-1 database loaded with revision ${SEED_SET.revision} on ${runtime}`, () => {
    let store: Store;
    let report: SeedReport;
    const now = '2026-12-02T09:00:00.000Z';
    beforeAll(async () => {
      store = await open();
      report = await applySeedSet(store, SEED_SET, now);
    });

    it('reports what it did: from revision 1, the edited event left alone, the dropped item kept', () => {
      expect(report.from).toBe(1);
      expect(report.to).toBe(SEED_SET.revision);
      expect(report.edited).toEqual([`event:${EDITED}`]);
      // Revision 2 made Solingen's joining a membership period instead of an event.
      expect(report.missing).toEqual(['event:solingen-membership-2017']);
      expect(report.added.length).toBeGreaterThan(0);
      expect(report.updated).toContain('event:isa-founding-2016');
      const lines = describeSeedReport(report);
      expect(lines.join('\n')).toContain(`event:${EDITED}`);
      expect(lines.join('\n')).toContain('event:solingen-membership-2017');
    });

    it('leaves the edited event as the editor left it, and the editor’s own event untouched', async () => {
      const edited = await getEvent(store.db, EDITED);
      expect(edited?.location).toBe(EDITED_LOCATION);
      expect(edited?.revision).toBe(2);
      // Its alliance-wide flag became an audience in the migration.
      expect(edited?.audience).toBe('all');
      const own = await getEvent(store.db, ADDED_BY_EDITOR);
      expect(own?.title.en).toBe('Delegation from Aachen in Foshan (entered by an editor)');
      expect(own?.revision).toBe(1);
      // What the seed dropped stays.
      expect(await getEvent(store.db, 'solingen-membership-2017')).not.toBeNull();
    });

    it('ends with the new data: every seed event except the edited one as the seeds say, changes recorded as `seed`', async () => {
      const expected = seedRecords(SEED_SET).filter((e) => e.id !== EDITED);
      const stored = new Map(
        (
          await getEvents(
            store.db,
            expected.map((e) => e.id),
          )
        ).map((e) => [e.id, e]),
      );
      for (const event of expected) {
        const actual = stored.get(event.id);
        const { revision: _r, created: _c, updated: _u, ...content } = event;
        expect(actual && { ...actual, revision: 0, created: '', updated: '' }, event.id).toEqual({
          ...content,
          revision: 0,
          created: '',
          updated: '',
        });
      }
      const founding = stored.get('isa-founding-2016');
      expect(founding?.revision).toBe(2);
      expect(founding?.updated).toBe(now);
      const history = await store.db
        .selectFrom('event_history')
        .select(['event_id', 'actor', 'action', 'revision'])
        .where('actor', '=', 'seed')
        .execute();
      expect(history).toContainEqual({ event_id: 'isa-founding-2016', actor: 'seed', action: 'changed', revision: 2 });
      const addedEvents = report.added.filter((item) => item.startsWith('event:')).map((item) => item.slice(6));
      for (const id of addedEvents) expect(history, id).toContainEqual({ event_id: id, actor: 'seed', action: 'created', revision: 1 });
      expect(history.filter((h) => h.event_id === EDITED)).toEqual([]);
    });

    it('gives every city its new periods and listing (Chemnitz from April 2017)', async () => {
      const cities = await listCities(store.db);
      expect(cities.map((c) => c.slug).sort()).toEqual(SEED_SET.cities.map((c) => c.slug).sort());
      const chemnitz = cities.find((c) => c.slug === 'chemnitz');
      expect(chemnitz?.memberships[0]?.admittedAt).toBe('isa-member-meeting-2017-koeln-admission');
      const listing = await listEvents(store.db, { city: { slug: 'chemnitz' }, from: Date.parse('2000-01-01T00:00:00Z'), limit: 100 });
      expect(listing.items.map((e) => e.id)).toContain('isa-member-meeting-2017-koeln-admission');
      expect(listing.items.map((e) => e.id)).toContain(EDITED);
    });

    it('raises the reference version when a catalogue entry changed, so stored renderings citing it are redone', async () => {
      expect(report.updated.some((item) => item.startsWith('source:'))).toBe(true);
      expect((await store.dataVersion()).referenceVersion).toBe(2);
    });

    it('loads the revision once', async () => {
      const version = await store.dataVersion();
      const again = await applySeedSet(store, SEED_SET, '2026-12-03T00:00:00.000Z');
      expect(again).toEqual({ from: SEED_SET.revision, to: SEED_SET.revision, added: [], updated: [], edited: [], missing: [] });
      expect(await store.dataVersion()).toEqual(version);
    });
  });
}
