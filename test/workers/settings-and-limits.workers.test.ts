/**
 * Workers-only behaviour of settings, write limits and write health: a setting that cannot be used answers
 * `503 misconfigured` naming it; failed authentications are limited per address by the rate-limiting binding
 * (emulated by workerd) while the real writer still gets through; a write the database refuses for a storage
 * reason answers 503 and turns `/healthz` to failing.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import worker, { type Env } from '../../src/worker.js';
import { TEST_NOW } from '../fixtures/clock.js';
import { testConfig } from '../fixtures/config.js';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import { ORIGIN } from './worker-fetch.js';

async function call(path: string, init: RequestInit = {}, bindings: Env = env): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const event = JSON.stringify({ kind: 'visit', title: { en: 'Visit' }, cities: ['foshan'], start: '2027-03-01' });
const post = (token: string, address: string) =>
  call('/api/v1/events', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'CF-Connecting-IP': address },
    body: event,
  });

describe('settings, limits and write health on Workers', () => {
  it('regression: token settings were parsed loosely (ADMIN_TOKENS=ci=abc=def); now 503 misconfigured naming the setting', async () => {
    const res = await call('/api/v1/events', {}, { ...env, ADMIN_TOKENS: 'ci=abcdefghijklmnop=qrstuvwxyz012345' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: unknown }).error).toMatchObject({ code: 'misconfigured', field: 'ADMIN_TOKENS' });
    const bad = await call('/calendar.ics', {}, { ...env, PUBLIC_URL: 'ftp://example.org' });
    expect(((await bad.json()) as { error: unknown }).error).toMatchObject({ status: 503, code: 'misconfigured', field: 'PUBLIC_URL' });
    // The right settings still serve.
    expect((await call('/calendar.ics')).status).toBe(200);
  });

  it('regression: strangers failing from one address locked the real writer out; the binding limits only their failures', async () => {
    const address = '198.51.100.23';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post('wrong-token-0123456789', address)).status);
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect((await post(WRITE_TOKEN, address)).status).toBe(201);
    expect((await post('wrong-token-0123456789', '198.51.100.24')).status).toBe(401);
  });

  it('regression: broken storage failed silently; a refused write answers 503 and /healthz says writes are failing', async () => {
    // D1 as it answers when the database is full: the batch fails, reads still work.
    const full = new Proxy(env.DB, {
      get: (target, name) =>
        name === 'batch'
          ? () => Promise.reject(new Error('D1_ERROR: database or disk is full: SQLITE_FULL'))
          : Reflect.get(target, name).bind(target),
    });
    const app = createApp(() => ({
      store: createD1Store(full),
      clock: () => TEST_NOW,
      config: testConfig({ writers: [{ label: 'admin', token: WRITE_TOKEN }] }),
    }));
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, writes: 'ok' });
    const write = await app.request('/api/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' },
      body: event,
    });
    expect(write.status).toBe(503);
    expect(((await write.json()) as { error: unknown }).error).toMatchObject({ code: 'unavailable' });
    const health = await app.request('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, writes: 'failing', reason: 'the database is full' });
    expect((await app.request('/calendar.ics')).status).toBe(200);
  });
});
