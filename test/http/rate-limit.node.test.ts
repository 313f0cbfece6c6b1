/**
 * Write rate limits, counted in the database (so they hold across isolates and processes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

let t: TempStore;
let now = Date.parse('2027-01-01T10:00:10Z');
const TOKEN = 'rate-limit-token-0123';
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await tempStore();
  const config = {
    publicUrl: 'https://isa.example.org',
    uidDomain: 'isa-calendar.invalid',
    writers: [{ label: 'berlin', token: TOKEN }],
    writeRateLimit: 3,
  };
  // As on Workers, the address comes from a header only the edge sets (here the test plays the edge).
  app = createApp(() => ({
    store: t.store,
    clock: () => now,
    config,
    clientAddress: (request) => request.headers.get('CF-Connecting-IP') ?? 'unknown',
  }));
});
afterAll(() => t.dispose());

const write = (token: string, address = '203.0.113.7') =>
  app.request('/api/v1/events', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'CF-Connecting-IP': address },
    body: JSON.stringify({ kind: 'visit', title: { en: 'Visit' }, cities: ['foshan'], start: '2027-03-01' }),
  });

describe('write rate limits', () => {
  it('answers 429 with Retry-After past the limit per token, and resets with the next window', async () => {
    for (let i = 0; i < 3; i++) expect((await write(TOKEN, `198.51.100.${i}`)).status).toBe(201);
    const limited = await write(TOKEN, '198.51.100.9');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    now += 60_000;
    expect((await write(TOKEN, '198.51.100.10')).status).toBe(201);
  });

  it('limits guessing tokens per address before looking at the token', async () => {
    now += 60_000;
    for (let i = 0; i < 3; i++) expect((await write('wrong-token-0123456789')).status).toBe(401);
    expect((await write('wrong-token-0123456789')).status).toBe(429);
    expect((await write(TOKEN)).status).toBe(429);
    expect((await write(TOKEN, '192.0.2.1')).status).toBe(201);
  });
});
