/**
 * Setup for the workers project: applies db/migrations (read in Node by vitest.config.ts) to the local D1
 * database before each test file. Idempotent: applied migrations are recorded in d1_migrations.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
