/**
 * Calendar behaviour that needs a controlled clock and direct data changes: kept renderings, SEQUENCE,
 * validators after a change, and the cancelled-then-dropped lifecycle. Requests go through the app
 * (`app.request`) over a real SQLite file.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/core/model.js';
import { createDocumentCache } from '../../src/documents/document-cache.js';
import { createApp } from '../../src/http/app.js';
import { bumpDataVersion } from '../../src/storage/data-version.js';
import { getEvent, updateEventStatements } from '../../src/storage/events-repository.js';
import { testConfig } from '../fixtures/config.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

let t: TempStore;
let now = Date.parse('2026-11-27T08:00:00Z');
const cache = createDocumentCache();
let app: ReturnType<typeof createApp>;
/** What the renderers did: VEVENTs rendered, documents built. */
const rendered = { vevent: 0, document: 0 };

beforeAll(async () => {
  t = await tempStore();
  app = createApp(
    () => ({
      store: t.store,
      clock: () => now,
      config: testConfig(),
      onRender: (what, count) => {
        rendered[what] += count;
      },
    }),
    cache,
  );
});
afterAll(() => t.dispose());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

/** Stores a change the way writes do: revision + 1, updated, data version in one batch. */
async function change(id: string, edit: (e: EventRecord) => Partial<EventRecord>): Promise<EventRecord> {
  const before = await getEvent(t.store.db, id);
  if (!before) throw new Error(id);
  const at = new Date(now).toISOString();
  const after = { ...before, ...edit(before), revision: before.revision + 1, updated: at };
  await t.store.batch([...updateEventStatements(t.store.db, after), bumpDataVersion(t.store.db, at)]);
  return after;
}

describe('kept calendar renderings', () => {
  it('serves an unchanged calendar from kept bytes without rendering again', async () => {
    const first = await get('/cities/solingen/calendar.ics');
    const body = await first.text();
    const before = { ...rendered };
    // A change that bypasses the data version is invisible: the kept bytes are served as they are.
    await t.store.db.updateTable('events').set({ title_de: 'Nicht sichtbar' }).where('id', '=', 'isa-plenary-2018').execute();
    const second = await get('/cities/solingen/calendar.ics');
    expect(await second.text()).toBe(body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(rendered).toEqual(before);
    await t.store.db
      .updateTable('events')
      .set({ title_de: '6. Plenarversammlung der ISA in Foshan' })
      .where('id', '=', 'isa-plenary-2018')
      .execute();
  });

  it('re-renders only the changed event, raises SEQUENCE, keeps the UID and changes the validators', async () => {
    const before = await get('/cities/solingen/calendar.ics');
    const etag = before.headers.get('etag') ?? '';
    const counted = { ...rendered };
    now += 60_000;
    await change('isa-plenary-2018', (e) => ({ title: { ...e.title, de: '6. Plenarversammlung (verlegt)' } }));
    const after = await get('/cities/solingen/calendar.ics', { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(after.headers.get('last-modified') ?? '')).toBe(Math.floor(now / 1000) * 1000);
    // One VEVENT rendered (the changed event's, in German), one document built.
    expect(rendered).toEqual({ vevent: counted.vevent + 1, document: counted.document + 1 });
    const plenary = parseWithIcalJs(await after.text()).find((e) => e.uid === 'isa-plenary-2018@isa-calendar.invalid');
    expect(plenary).toMatchObject({ sequence: 2, summary: '6. Plenarversammlung (verlegt)' });
    const single = await get('/events/isa-plenary-2018.ics');
    expect(single.headers.get('etag')).not.toBe(etag);
    expect(parseWithIcalJs(await single.text())[0]).toMatchObject({ sequence: 2 });
  });

  it('keeps a cancelled event, marked, for 30 days after its cancellation, then drops it', async () => {
    now = Date.parse('2026-11-27T09:00:00Z');
    await change('hax-accelerator-shenzhen-2018', () => ({ status: 'cancelled', cancelledAt: new Date(now).toISOString() }));
    const listed = await get('/calendar.ics?lang=en');
    const hax = parseWithIcalJs(await listed.text()).find((e) => e.uid.startsWith('hax-accelerator-shenzhen-2018@'));
    expect(hax).toMatchObject({ status: 'CANCELLED', summary: 'Cancelled: Visit to the HAX accelerator, Shenzhen', sequence: 2 });

    // 2026-11-27T09:00Z + 30 days = 2026-12-27T09:00Z: still there that day, gone from 2026-12-28 (UTC).
    now = Date.parse('2026-12-27T23:59:00Z');
    const lastDay = await get('/calendar.ics?lang=en');
    expect(await lastDay.text()).toContain('UID:hax-accelerator-shenzhen-2018@');
    now = Date.parse('2026-12-28T00:00:00Z');
    const gone = await get('/calendar.ics?lang=en', { 'If-None-Match': lastDay.headers.get('etag') ?? '' });
    expect(gone.status).toBe(200);
    expect(await gone.text()).not.toContain('hax-accelerator-shenzhen-2018');
    expect(gone.headers.get('last-modified')).toBe('Mon, 28 Dec 2026 00:00:00 GMT');
    // It is only out of the calendars: the event itself stays, cancelled.
    expect((await getEvent(t.store.db, 'hax-accelerator-shenzhen-2018'))?.status).toBe('cancelled');
    expect((await get('/events/hax-accelerator-shenzhen-2018.ics')).status).toBe(200);
  });
});
