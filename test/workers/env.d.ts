/**
 * Types for the workers tests. `env` from 'cloudflare:workers' (and 'cloudflare:test') holds the worker's own
 * bindings (wrangler.toml) plus TEST_MIGRATIONS and the databases UPGRADE_DB and EMPTY_DB, injected by
 * vitest.config.ts; `exports` holds loopback stubs for the exports of `main` (src/worker.ts), so
 * `exports.default.fetch()` is typed.
 */
import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../../src/worker.js';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      readonly TEST_MIGRATIONS: D1Migration[];
      readonly UPGRADE_DB: D1Database;
      readonly EMPTY_DB: D1Database;
    }
    interface GlobalProps {
      mainModule: typeof import('../../src/worker.js');
    }
  }
}
