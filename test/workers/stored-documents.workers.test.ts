/**
 * Documents built once and then served from storage on Workers: what one isolate built, another serves from
 * the data centre's Cache API (src/runtime/workers/shared-documents.ts) or, without it, from D1 — no renderer
 * called; a write renders its event's fragments and a fresh isolate assembles the calendar from them; bodies
 * go out compressed; the daily cron builds ahead. Each app instance below stands for an isolate (its memory).
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import type { EventRecord } from '../../src/core/model.js';
import { writtenFragmentStatements } from '../../src/documents/fragments.js';
import { createApp } from '../../src/http/app.js';
import { sharedDocuments } from '../../src/runtime/workers/shared-documents.js';
import { bumpDataVersion } from '../../src/storage/data-version.js';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { eventWriteStatements } from '../../src/storage/events-repository.js';
import { countRenderings } from '../../src/storage/renderings-repository.js';
import { applySeedSet } from '../../src/storage/seed.js';
import worker from '../../src/worker.js';
import { TEST_NOW } from '../fixtures/clock.js';
import { testConfig } from '../fixtures/config.js';
import { makeEvent } from '../fixtures/events.js';
import { workerFetch } from './worker-fetch.js';

const store = createD1Store(env.DB);
const pending: Array<Promise<unknown>> = [];

/** A fresh app instance (an isolate's memory), with or without the data centre's cache, counting what it renders. */
function isolate(shared = true) {
  const rendered = { vevent: 0, document: 0 };
  const app = createApp(() => ({
    store,
    clock: () => TEST_NOW,
    config: testConfig(),
    background: (task) => pending.push(task),
    onRender: (what, count) => {
      rendered[what] += count;
    },
    ...(shared && { sharedDocuments: sharedDocuments(caches.default, (p) => pending.push(p)) }),
  }));
  return { app, rendered };
}

/** A request through an isolate, waiting for its work after the answer (storing, caching). */
async function get(app: ReturnType<typeof createApp>, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  await res.arrayBuffer().catch(() => undefined);
  while (pending.length > 0) await Promise.all(pending.splice(0));
  return app.request(path, { headers });
}

const nothing = { vevent: 0, document: 0 };

describe('documents built once on Workers', () => {
  beforeAll(async () => {
    await applySeedSet(store, SEED_SET, '2026-12-02T00:00:00Z');
  });

  it('serves in a second isolate what the first built, from the Cache API, without rendering it', async () => {
    const first = isolate();
    const body = await (await get(first.app, '/cities/foshan/feed.atom?lang=en')).text();
    expect(first.rendered.document).toBe(1);
    const second = isolate();
    const res = await get(second.app, '/cities/Foshan/feed.atom?lang=en');
    expect(await res.text()).toBe(body);
    expect(second.rendered).toEqual(nothing);
  });

  it('serves in an isolate without the Cache API what another stored in D1, without rendering it', async () => {
    const first = isolate(false);
    const built = await get(first.app, '/cities/koeln/calendar.en.ics');
    const etag = built.headers.get('etag');
    const fresh = isolate(false);
    const res = await get(fresh.app, '/cities/koeln/calendar.en.ics');
    expect(res.headers.get('etag')).toBe(etag);
    expect(fresh.rendered).toEqual(nothing);
    expect((await countRenderings(store.db)).documents).toBeGreaterThan(0);
  });

  it('assembles a calendar of 1,000 events from stored fragments in a fresh isolate, and the next fresh isolate serves its stored bytes without any renderer', async () => {
    const events: EventRecord[] = Array.from({ length: 1000 }, (_, i) =>
      makeEvent({
        id: `bulk-${String(i).padStart(4, '0')}`,
        start: { value: `2027-${String((i % 12) + 1).padStart(2, '0')}-10`, fold: 0 },
      }),
    );
    const deps = { store, config: testConfig() };
    // The seed events' fragments, rendered once by an earlier isolate.
    await get(isolate(false).app, '/cities/foshan/calendar.de.ics');
    for (let i = 0; i < events.length; i += 100) {
      const slice = events.slice(i, i + 100);
      await store.batch([
        ...eventWriteStatements(
          store.db,
          slice.map((after) => ({ before: null, after })),
          null,
        ),
        ...(await writtenFragmentStatements(deps, slice, new Map())),
        bumpDataVersion(store.db, '2026-12-02T01:00:00Z'),
      ]);
    }
    const fresh = isolate(false);
    const res = await get(fresh.app, '/cities/foshan/calendar.de.ics');
    expect(res.status).toBe(200);
    const calendar = await res.text();
    expect(calendar.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(1000);
    // One document assembled from stored fragments; not one VEVENT rendered.
    expect(fresh.rendered.vevent).toBe(0);
    expect(fresh.rendered.document).toBe(1);
    // A further fresh isolate answers the 1k-event calendar from the bytes the last one stored: no renderer at all.
    const next = isolate(false);
    const again = await get(next.app, '/cities/foshan/calendar.de.ics');
    expect(await again.text()).toBe(calendar);
    expect(next.rendered).toEqual(nothing);
  });

  it('sends the body compressed when the client accepts gzip, with a validator of its own', async () => {
    const { app } = isolate(false);
    const plain = await get(app, '/calendar.de.ics');
    const gzipped = await get(app, '/calendar.de.ics', { 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(gzipped.headers.get('etag')).toBe(`${(plain.headers.get('etag') ?? '').slice(0, -1)}-gzip"`);
    const raw = new Uint8Array(await gzipped.arrayBuffer());
    const text = await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(text).toBe(await plain.text());
    expect(raw.byteLength * 10).toBeLessThan(new TextEncoder().encode(text).byteLength);
  });

  it('answers the very first gzip request of a fresh isolate with the compressed body another stored in D1', async () => {
    const first = isolate(false);
    const plain = await get(first.app, '/cities/aachen/calendar.en.ics', { 'Accept-Encoding': 'gzip' });
    expect(plain.headers.get('content-encoding')).toBe('gzip');
    const fresh = isolate(false);
    const res = await fresh.app.request('/cities/aachen/calendar.en.ics', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(fresh.rendered).toEqual(nothing);
  });

  it('regression: a body sent with Content-Encoding was compressed again by the runtime — it goes out as stored', async () => {
    const path = '/calendar.en.ics';
    const plain = await workerFetch(path, { headers: { 'Accept-Encoding': 'identity' } });
    const text = await plain.text();
    // Twice: the first answer may come before the compressed body is kept.
    await (await workerFetch(path, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer();
    const gzipped = await workerFetch(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers.get('etag')).toMatch(/-gzip"$/);
    // The client decodes gzip once: decoding twice-compressed bytes once would not give the calendar.
    expect(await gzipped.text()).toBe(text);
  });

  it('builds the main documents ahead in the daily cron', async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: TEST_NOW, cron: '5 0 * * *' }) as never, env, ctx as never);
    await waitOnExecutionContext(ctx);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM documents WHERE key = '/feed.zh.json'").first<{ n: number }>();
    expect(stored?.n).toBeGreaterThan(0);
  });
});
