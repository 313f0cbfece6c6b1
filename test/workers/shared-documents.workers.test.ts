/**
 * Kept documents in the Workers Cache API (src/runtime/workers/shared-documents.ts): what one isolate renders,
 * another serves without rendering; the keys carry the render version, the data version and the day; the
 * daily cron renders ahead. Each app instance below stands for an isolate (its own memory).
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { createApp } from '../../src/http/app.js';
import { RENDER_VERSION } from '../../src/http/render-version.js';
import { sharedDocuments } from '../../src/runtime/workers/shared-documents.js';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { applySeedSet } from '../../src/storage/seed.js';
import worker from '../../src/worker.js';
import { TEST_NOW } from '../fixtures/clock.js';
import { testConfig } from '../fixtures/config.js';

const store = createD1Store(env.DB);
const pending: Array<Promise<unknown>> = [];

/** A fresh app instance (an isolate's memory), with or without the data centre's cache. */
function isolate(shared = true) {
  return createApp(() => ({
    store,
    clock: () => TEST_NOW,
    config: testConfig(),
    ...(shared && { sharedDocuments: sharedDocuments(caches.default, (p) => pending.push(p)) }),
  }));
}

async function get(app: ReturnType<typeof createApp>, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  await Promise.all(pending.splice(0));
  return res;
}

const day = Math.floor(TEST_NOW / 86_400_000) * 86_400_000;
const storedKey = async (documentKey: string, version = RENDER_VERSION) => {
  const { version: data } = await store.dataVersion();
  return new Request(`https://documents.isa-calendar.invalid/${encodeURIComponent(`${version}|${documentKey}|${data}|${day}`)}`);
};

describe('documents shared by the isolates of a data centre', () => {
  it('serves in a second isolate what the first rendered, without rendering it', async () => {
    await applySeedSet(store, SEED_SET, '2026-12-02T00:00:00Z');
    const first = await get(isolate(), '/cities/foshan/feed.atom?lang=en');
    const body = await first.text();
    expect(first.status).toBe(200);
    // A change that bypasses the data version: an isolate that rendered anew would show it.
    await env.DB.prepare("UPDATE events SET title_en = 'Not rendered' WHERE id = 'isa-plenary-2018'").run();
    const second = await get(isolate(), '/cities/Foshan/feed.atom?lang=en');
    expect(await second.text()).toBe(body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await (await get(isolate(false), '/cities/foshan/feed.atom?lang=en')).text()).toContain('Not rendered');
    await env.DB.prepare("UPDATE events SET title_en = '6th ISA plenary assembly, Foshan' WHERE id = 'isa-plenary-2018'").run();
  });

  it('regression: stale bytes after a deploy — keys and validators carry the render version', async () => {
    const res = await get(isolate(), '/calendar.en.ics');
    expect(res.headers.get('etag')).toMatch(new RegExp(`^"${RENDER_VERSION}-[0-9a-f]{24}"$`));
    expect(await caches.default.match(await storedKey('/calendar.en.ics'))).toBeDefined();
    expect(await caches.default.match(await storedKey('/calendar.en.ics', `${RENDER_VERSION}-previous`))).toBeUndefined();
  });

  it('answers 304 from a shared copy, and keys a city by the city, not by its spelling', async () => {
    const first = await get(isolate(), '/cities/%E4%BD%9B%E5%B1%B1/calendar.ics');
    const etag = first.headers.get('etag') ?? '';
    expect((await get(isolate(), "/cities/foshan'/calendar.ics", { 'If-None-Match': etag })).status).toBe(304);
    expect(await caches.default.match(await storedKey('/cities/foshan/calendar.de.ics'))).toBeDefined();
  });

  it('renders the main documents ahead in the daily cron', async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: TEST_NOW, cron: '5 0 * * *' }) as never, env, ctx as never);
    await waitOnExecutionContext(ctx);
    expect(await caches.default.match(await storedKey('/feed.zh.json'))).toBeDefined();
  });
});
