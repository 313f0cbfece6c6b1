import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { TEST_NOW_ISO } from './test/fixtures/clock.js';
import { WRITE_TOKEN } from './test/fixtures/tokens.js';

// The network is closed: keep wrangler/miniflare from phoning home (metrics, error reports, cf object, banner).
// Set before the workers pool starts, which reads them from this process's environment.
process.env.WRANGLER_SEND_METRICS ??= 'false';
process.env.WRANGLER_SEND_ERROR_REPORTS ??= 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
process.env.WRANGLER_HIDE_BANNER ??= 'true';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('db/migrations');
  return {
    test: {
      projects: [
        {
          test: {
            name: 'node',
            include: ['test/**/*.test.ts'],
            exclude: ['test/workers/**'],
            environment: 'node',
          },
        },
        {
          plugins: [
            cloudflareTest({
              main: './src/worker.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // The write suite's token (test/http/write-contract.ts WRITE_TOKEN) and the test clock (test/fixtures/clock.ts).
                bindings: { TEST_MIGRATIONS: migrations, ADMIN_TOKEN: WRITE_TOKEN, TEST_CLOCK: TEST_NOW_ISO },
                // Databases the setup file leaves alone (DB it migrates and seeds): unmigrated for the seed upgrade
                // test, and one for tests that need a migrated database without the seeds.
                d1Databases: ['UPGRADE_DB', 'EMPTY_DB'],
              },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/workers/**/*.test.ts'],
            setupFiles: ['./test/workers/setup-d1.ts'],
            // ics only loads in workerd when pre-bundled (not used by the worker yet).
            deps: { optimizer: { ssr: { enabled: true, include: ['ics'] } } },
          },
        },
      ],
    },
  };
});
