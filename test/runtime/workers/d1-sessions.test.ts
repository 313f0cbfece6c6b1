/**
 * Where a request's D1 session starts, and the bookmark on its answer (src/runtime/workers/d1-sessions.ts).
 * Replication cannot be observed locally, so the plumbing is checked with a binding that records what it is asked.
 */
import { describe, expect, it } from 'vitest';
import { BOOKMARK_HEADER, sessionConstraint, sessionFor, withBookmark } from '../../../src/runtime/workers/d1-sessions.js';

const request = (method: string, bookmark?: string) =>
  new Request('https://isa.example.org/api/v1/events', {
    method,
    ...(bookmark !== undefined && { headers: { [BOOKMARK_HEADER]: bookmark } }),
  });

describe('D1 session plumbing', () => {
  it('starts writes at the primary, reads at the bookmark sent back, and others anywhere', () => {
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT'])
      expect(sessionConstraint(request(method, '0000002b-00000003'))).toBe('first-primary');
    expect(sessionConstraint(request('GET', '0000002b-00000003-00004f5c'))).toBe('0000002b-00000003-00004f5c');
    expect(sessionConstraint(request('GET'))).toBe('first-unconstrained');
    expect(sessionConstraint(request('GET', 'x'.repeat(300)))).toBe('first-unconstrained');
    expect(sessionConstraint(request('GET', 'first-primary; DROP'))).toBe('first-unconstrained');
  });

  it('opens the session the request asks for, and sets the header only when the session has a bookmark', () => {
    const asked: string[] = [];
    const bookmarked = { getBookmark: () => 'b-1', prepare: () => null, batch: () => null };
    const database = {
      withSession: (constraint: string) => {
        asked.push(constraint);
        return bookmarked;
      },
    };
    const session = sessionFor(database as never, request('GET', 'b-0'));
    expect(asked).toEqual(['b-0']);
    expect(withBookmark(new Response('x'), session).headers.get(BOOKMARK_HEADER)).toBe('b-1');
    const none = { getBookmark: () => null };
    expect(withBookmark(new Response('x'), none as never).headers.has(BOOKMARK_HEADER)).toBe(false);
    // A binding without sessions is used as it is.
    const plain = { prepare: () => null };
    expect(sessionFor(plain as never, request('GET'))).toBe(plain);
  });
});
