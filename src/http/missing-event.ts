/**
 * @module missing-event
 * The answer to an event that is not stored: `410 gone` when it was purged (interface: Additions, Writing),
 * `404 not_found` when there never was one.
 */
import type { Kysely } from 'kysely';
import { purgeOf } from '../storage/history-repository.js';
import type { Database } from '../storage/schema.js';
import { ApiError } from './errors.js';

/** Throws 410 for a purged event, 404 otherwise. */
export async function missingEvent(db: Kysely<Database>, id: string): Promise<never> {
  const purged = await purgeOf(db, id);
  if (purged) throw new ApiError('gone', `the event "${id}" was removed for good on ${purged.at.slice(0, 10)}`, 'id');
  throw new ApiError('not_found', `no event with id "${id}"`, 'id');
}
