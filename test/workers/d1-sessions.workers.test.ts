/**
 * D1 sessions in workerd: each request reads through a session, and a write's answer carries the bookmark the
 * writer sends back to read its own writes (locally, D1 may give none: then the header is absent, never empty).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BOOKMARK_HEADER } from '../../src/runtime/workers/d1-sessions.js';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import { workerFetch } from './worker-fetch.js';

describe('D1 sessions', () => {
  it('answers a write with the bookmark of its session, and reads with a bookmark sent back', async () => {
    const session = env.DB.withSession('first-primary');
    await session.prepare('SELECT 1').first();
    const local = session.getBookmark();
    const res = await workerFetch('/api/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'visit', title: { en: 'Session test' }, cities: ['Foshan'], start: '2027-02-02' }),
    });
    expect(res.status).toBe(201);
    const bookmark = res.headers.get(BOOKMARK_HEADER);
    if (local === null) expect(bookmark).toBeNull();
    else expect(bookmark).toMatch(/^[A-Za-z0-9-]+$/);
    const { id } = (await res.json()) as { id: string };
    const read = await workerFetch(`/api/v1/events/${id}`, { headers: bookmark ? { [BOOKMARK_HEADER]: bookmark } : {} });
    expect(read.status).toBe(200);
    // A bookmark that is none is ignored, not an error.
    expect((await workerFetch(`/api/v1/events/${id}`, { headers: { [BOOKMARK_HEADER]: 'not a bookmark!' } })).status).toBe(200);
  });
});
