/**
 * Setup for the workers project, before each test file (each has a D1 database of its own): applies
 * db/migrations (read in Node by vitest.config.ts), then loads the seed set, as `npm run worker:seed` does for a
 * deployment (the Worker's bundle holds no seeds). Both are idempotent: applied migrations are recorded in
 * d1_migrations, a loaded seed revision in seed_items.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { SEED_SET } from '../../seeds/index.js';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { applySeedSet } from '../../src/storage/seed.js';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await applySeedSet(createD1Store(env.DB), SEED_SET, env.TEST_CLOCK ?? new Date().toISOString());
