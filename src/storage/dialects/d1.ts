/**
 * @module d1
 * Production storage: Cloudflare D1 through kysely-d1 (which reuses Kysely's SQLite compiler, so the
 * repositories run unchanged). The only module besides worker.ts that names D1 types.
 */
import type { D1Database, D1DatabaseSession } from '@cloudflare/workers-types';
import { Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import { readDataVersion } from '../data-version.js';
import type { Database } from '../schema.js';
import type { Store } from '../store.js';

/**
 * A store over a D1 binding or one of its sessions (the Sessions API, reads near the reader); atomic writes go
 * through `batch()`, D1's only transaction.
 */
export function createD1Store(binding: D1Database | D1DatabaseSession): Store {
  // kysely-d1 only prepares statements, which a session does as the database does.
  const db = new Kysely<Database>({ dialect: new D1Dialect({ database: binding as D1Database }) });
  return {
    db,
    dataVersion: () => readDataVersion(db),
    batch: async (statements) => {
      if (statements.length === 0) return;
      await binding.batch(
        statements.map((statement) => {
          const { sql, parameters } = statement.compile();
          return binding.prepare(sql).bind(...parameters);
        }),
      );
    },
  };
}
