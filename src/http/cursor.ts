/**
 * @module cursor
 * The opaque `next` cursor of a listing: the sort key and id of the last event of the page, base64url.
 */
import type { Position } from '../storage/events-repository.js';
import { ApiError } from './errors.js';

const DECODED = /^(-?\d{1,16})\.([a-z0-9-]{1,200})$/;

/** Encodes a position as an opaque URL-safe cursor. */
export function encodeCursor(position: Position): string {
  return btoa(`${position.key}.${position.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a cursor from `encodeCursor`, or throws a 400 naming `query.cursor`. */
export function decodeCursor(cursor: string): Position {
  let decoded = '';
  try {
    decoded = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    // fall through to the error below
  }
  const m = DECODED.exec(decoded);
  if (!m?.[1] || !m[2]) throw new ApiError('invalid_input', 'cursor is not one this API returned', 'query.cursor');
  return { key: Number(m[1]), id: m[2] };
}
