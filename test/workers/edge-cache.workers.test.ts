/**
 * The edge cache on workerd: a hit serves stored bytes, a write changes the key (invalidation), conditional
 * requests get 304 from the cached validators, and the daily cron renders ahead.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../src/worker.js';
import { WRITE_TOKEN } from '../http/write-contract.js';

async function call(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://127.0.0.1:8787${path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('edge cache (Workers Cache API)', () => {
  it('serves the second poll from the cache, 304 through it, and misses after a write', async () => {
    const first = await call('/cities/foshan/feed.atom?lang=en');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-edge-cache')).toBe('MISS');
    const body = await first.text();
    const etag = first.headers.get('etag') ?? '';
    const second = await call('/cities/foshan/feed.atom?lang=en');
    expect(second.headers.get('x-edge-cache')).toBe('HIT');
    expect(await second.text()).toBe(body);
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('cache-control')).toBe('public, max-age=300');
    const conditional = await call('/cities/foshan/feed.atom?lang=en', { headers: { 'If-None-Match': etag } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get('x-edge-cache')).toBe('HIT');
    const head = await call('/cities/foshan/feed.atom?lang=en', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');

    const created = await call('/api/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'fair', title: { en: 'Edge cache fair' }, cities: ['foshan'], start: '2027-05-01' }),
    });
    expect(created.status).toBe(201);
    const after = await call('/cities/foshan/feed.atom?lang=en', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-edge-cache')).toBe('MISS');
    expect(await after.text()).toContain('Edge cache fair');
  });

  it('renders the main documents ahead in the daily cron', async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '5 0 * * *' }) as never, env, ctx as never);
    await waitOnExecutionContext(ctx);
    const res = await call('/calendar.en.ics');
    expect(res.headers.get('x-edge-cache')).toBe('HIT');
  });
});
