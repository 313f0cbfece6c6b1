/**
 * @module worker-seed
 * `npm run worker:seed`: loads the seed set (seeds/) into D1, which the Worker no longer does itself (the seed
 * data stays out of its bundle). The loader is the one the Node server runs on start (src/storage/seed.ts),
 * over the D1 dialect the Worker uses, through wrangler's bindings proxy: one atomic batch, a revision the
 * database holds is not loaded again, edited items are left alone and reported.
 *
 * - `npm run worker:seed` — the local D1 database of `wrangler dev` (.wrangler/state, as
 *   `wrangler d1 migrations apply DB --local` migrates it; `npm run worker:dev` runs both first);
 * - `npm run worker:seed -- --remote` — the deployed database (after `wrangler login` and
 *   `wrangler d1 migrations apply DB --remote`), through a remote binding;
 * - `--persist-to <dir>`: the local state in another folder, as wrangler's own `--persist-to`.
 *
 * Run it after the migrations on every deployment whose seed revision changed; it prints what it loaded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { D1Database } from '@cloudflare/workers-types';
import { getPlatformProxy, unstable_readConfig } from 'wrangler';
import { SEED_SET } from '../../seeds/index.js';
import { createD1Store } from '../storage/dialects/d1.js';
import { applySeedSet, describeSeedReport, type SeedReport } from '../storage/seed.js';
import { isEntryPoint } from './entry-point.js';

/** The lines `worker:seed` prints for a report: what was loaded, or that the revision was already held. */
export function seedReportLines(report: SeedReport, target: string): string[] {
  const lines = describeSeedReport(report);
  return lines.length > 0 ? lines.map((line) => `${target}: ${line}`) : [`${target}: holds seed revision ${report.to}; nothing to load`];
}

/**
 * A wrangler configuration with only the DB binding of wrangler.toml, marked remote (in .wrangler/, which is
 * not committed), so that the bindings proxy reaches the deployed database rather than the local one.
 */
function remoteConfig(root: string): string {
  // The parts read here (wrangler's own Config type is not in its published types).
  const config: {
    readonly name?: string;
    readonly compatibility_date?: string;
    readonly d1_databases: ReadonlyArray<{ binding: string; database_name?: string; database_id?: string }>;
  } = unstable_readConfig({ config: join(root, 'wrangler.toml') });
  const db = config.d1_databases.find((d) => d.binding === 'DB');
  if (!db) throw new Error('wrangler.toml has no D1 binding DB');
  const dir = join(root, '.wrangler');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'worker-seed.remote.json');
  const { binding, database_name, database_id } = db;
  writeFileSync(
    path,
    JSON.stringify({
      name: config.name,
      compatibility_date: config.compatibility_date,
      d1_databases: [{ binding, database_name, database_id, remote: true }],
    }),
  );
  return path;
}

if (isEntryPoint(import.meta.url)) {
  const { values } = parseArgs({ options: { local: { type: 'boolean' }, remote: { type: 'boolean' }, 'persist-to': { type: 'string' } } });
  if (values.local && values.remote) {
    console.error('usage: npm run worker:seed [-- --local [--persist-to <dir>] | --remote]');
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const remote = values.remote === true;
  const target = remote ? 'remote D1' : 'local D1';
  const persistTo = values['persist-to'];
  const proxy = await getPlatformProxy<{ DB: D1Database }>(
    remote
      ? { configPath: remoteConfig(root) }
      : {
          configPath: join(root, 'wrangler.toml'),
          remoteBindings: false,
          // Where wrangler keeps it (its --persist-to names the folder that holds v3/).
          persist: { path: join(persistTo ? resolve(persistTo) : join(root, '.wrangler/state'), 'v3') },
        },
  );
  try {
    const report = await applySeedSet(createD1Store(proxy.env.DB), SEED_SET, new Date().toISOString());
    for (const line of seedReportLines(report, target)) console.log(line);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${target}: the seed set was not loaded: ${message}`);
    if (/no such table/.test(message))
      console.error(`apply the migrations first: npx wrangler d1 migrations apply DB ${remote ? '--remote' : '--local'}`);
    process.exitCode = 1;
  } finally {
    await proxy.dispose();
  }
}
