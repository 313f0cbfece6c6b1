/**
 * Write limits on Node, counted in memory: failed authentications per client address (strict), writes per token
 * (generous), and no database write for an attempt that fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { DEFAULT_LIMITS, memoryLimiters } from '../../src/http/rate-limit.js';
import { testConfig } from '../fixtures/config.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

let t: TempStore;
let now = Date.parse('2027-01-01T10:00:10Z');
const TOKEN = 'rate-limit-token-0123';
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await tempStore();
  const limiters = memoryLimiters(DEFAULT_LIMITS, () => now);
  app = createApp(() => ({
    store: t.store,
    clock: () => now,
    config: testConfig({ writers: [{ label: 'berlin', token: TOKEN }] }),
    limiters,
    // As on Workers, the address comes from a header only the edge sets (here the test plays the edge).
    clientAddress: (request) => request.headers.get('CF-Connecting-IP') ?? 'unknown',
  }));
});
afterAll(() => t.dispose());

const write = (token: string | null, address = '203.0.113.7') =>
  app.request('/api/v1/events', {
    method: 'POST',
    headers: {
      ...(token !== null && { Authorization: `Bearer ${token}` }),
      'Content-Type': 'application/json',
      'CF-Connecting-IP': address,
    },
    body: JSON.stringify({ kind: 'visit', title: { en: 'Visit' }, cities: ['foshan'], start: '2027-03-01' }),
  });

/** Changes made through the test's connection since it opened (inserts, updates, deletes). */
const changes = () => t.store.raw.prepare('SELECT total_changes()').pluck().get() as number;

describe('write rate limits', () => {
  it('regression: 65 anonymous attempts from one address locked the real writer out with 429', async () => {
    now += 60_000;
    const before = changes();
    for (let i = 0; i < 65; i++) expect([401, 429]).toContain((await write(i % 2 ? null : 'wrong-token-0123456789')).status);
    // Regression: rate limiting cost a disk sync per anonymous attempt. Failures write nothing now.
    expect(changes()).toBe(before);
    expect((await write(TOKEN)).status).toBe(201);
  });

  it('limits failed authentications per address: 429 with Retry-After past the limit, and resets with the next window', async () => {
    now = Date.parse('2027-01-01T12:00:10Z');
    for (let i = 0; i < DEFAULT_LIMITS.failedAuth; i++) expect((await write('wrong-token-0123456789')).status).toBe(401);
    const limited = await write('wrong-token-0123456789');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another address is not affected.
    expect((await write('wrong-token-0123456789', '192.0.2.1')).status).toBe(401);
    now += 60_000;
    expect((await write('wrong-token-0123456789')).status).toBe(401);
  });

  it('regression: a script writing 40 events in a minute got 429s; writes per token are limited generously', async () => {
    now = Date.parse('2027-01-01T14:00:00Z');
    for (let i = 0; i < 40; i++) expect((await write(TOKEN)).status).toBe(201);
  });

  it('limits writes per token past the configured limit', async () => {
    const limiters = memoryLimiters({ failedAuth: 10, writes: 3 }, () => now);
    const small = createApp(() => ({
      store: t.store,
      clock: () => now,
      config: testConfig({ writers: [{ label: 'berlin', token: TOKEN }] }),
      limiters,
    }));
    now = Date.parse('2027-01-01T16:00:00Z');
    const post = () =>
      small.request('/api/v1/events', {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'visit', title: { en: 'Visit' }, cities: ['foshan'], start: '2027-03-01' }),
      });
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(429);
  });
});
