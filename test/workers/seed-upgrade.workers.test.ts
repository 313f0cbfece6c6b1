/**
 * The seed upgrade on D1, in a database of its own (UPGRADE_DB, vitest.config.ts): migrated to the revision-1
 * release's schema, filled with its data in one batch, migrated the rest of the way, then loaded.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { describeSeedUpgrade, FIXTURE_STATEMENTS, RELEASE_1_MIGRATIONS } from '../storage/seed-upgrade-contract.js';

describeSeedUpgrade('D1', async () => {
  await applyD1Migrations(env.UPGRADE_DB, env.TEST_MIGRATIONS.slice(0, RELEASE_1_MIGRATIONS));
  await env.UPGRADE_DB.batch(FIXTURE_STATEMENTS.map((statement) => env.UPGRADE_DB.prepare(statement)));
  await applyD1Migrations(env.UPGRADE_DB, env.TEST_MIGRATIONS);
  return createD1Store(env.UPGRADE_DB);
});
