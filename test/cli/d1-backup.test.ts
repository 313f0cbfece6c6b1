/**
 * The D1 side of seeding and backups, against a real local D1 database (wrangler's, in a temporary folder):
 * `npm run worker:seed` loads what the Node server loads, and `npm run worker:backup` — which exports table by
 * table, because `wrangler d1 export` refuses a database holding the FTS5 search index — gives back every row,
 * after which the search index is rebuilt from the events.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { DATA_TABLES, importSql } from '../../src/cli/sql-transfer.js';
import { searchTerms } from '../../src/core/text/search-text.js';
import { ensureSearchIndex, searchEvents } from '../../src/storage/search-repository.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

const run = promisify(execFile);
const OFFLINE = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
};
const bin = (name: string) => resolve(`node_modules/.bin/${name}`);
const wrangler = (...args: string[]) => run(bin('wrangler'), args, { env: OFFLINE, timeout: 60_000 });
const tsx = (...args: string[]) => run(bin('tsx'), args, { env: OFFLINE, timeout: 120_000 });

/** Text that needs quoting in SQL: quotes, line breaks, Chinese, SQL. */
const AWKWARD = `It's "6."\n佛山; DROP TABLE events; --\r\nend`;

let dir: string;
let config: string;
let node: TempStore;
let restored: TempStore;
let seedOutput: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'isa-d1-'));
  // wrangler keeps the local database in .wrangler/state next to its configuration.
  config = join(dir, 'wrangler.toml');
  writeFileSync(
    config,
    [
      'name = "isa-calendar-test"',
      'compatibility_date = "2026-05-01"',
      '[[d1_databases]]',
      'binding = "DB"',
      'database_name = "isa-calendar"',
      // The id of wrangler.toml's binding, which worker:seed reads: the same local database file.
      'database_id = "00000000-0000-0000-0000-000000000000"',
      `migrations_dir = "${resolve('db/migrations')}"`,
    ].join('\n'),
  );
  await wrangler('d1', 'migrations', 'apply', 'DB', '--local', '--config', config);
  const state = join(dir, '.wrangler/state');
  seedOutput = [(await tsx('src/cli/worker-seed.ts', '--persist-to', state)).stdout];
  seedOutput.push((await tsx('src/cli/worker-seed.ts', '--persist-to', state)).stdout);
  const quoted = `'${AWKWARD.replace(/'/g, "''").replace(/\r/g, "' || char(13) || '").replace(/\n/g, "' || char(10) || '")}'`;
  await wrangler(
    'd1',
    'execute',
    'DB',
    '--local',
    '--config',
    config,
    '--command',
    `UPDATE events SET title_de = ${quoted} WHERE id = 'isa-plenary-2018'`,
  );
  await tsx('src/cli/d1-backup.ts', join(dir, 'backup.sql'), '--local', '--config', config);

  // The same on Node: seeded on open, the same change.
  node = await tempStore();
  node.store.raw.prepare(`UPDATE events SET title_de = ? WHERE id = 'isa-plenary-2018'`).run(AWKWARD);
  restored = await tempStore(false);
  importSql(restored.store.raw, readFileSync(join(dir, 'backup.sql'), 'utf8'));
}, 240_000);

afterAll(async () => {
  await node?.dispose();
  await restored?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('worker:seed and worker:backup on a local D1 database', () => {
  it('loads the seed set once and says so', () => {
    expect(seedOutput[0]).toContain(`local D1: seed revision ${SEED_SET.revision} loaded (database held none)`);
    expect(seedOutput[1]).toContain(`local D1: holds seed revision ${SEED_SET.revision}; nothing to load`);
  });

  it('backs up every row of every data table, table by table, as the Node server holds them', () => {
    for (const table of DATA_TABLES) {
      const dump = (t: TempStore) => JSON.stringify(t.store.raw.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
      expect(dump(restored), table).toBe(dump(node));
    }
    expect(restored.store.raw.prepare(`SELECT title_de FROM events WHERE id = 'isa-plenary-2018'`).pluck().get()).toBe(AWKWARD);
  });

  it('leaves the search index out of the backup; the restored database rebuilds it', async () => {
    expect(readFileSync(join(dir, 'backup.sql'), 'utf8')).not.toMatch(/event_search|INTO search_index/);
    expect(await ensureSearchIndex(restored.store)).toBe(true);
    const found = await searchEvents(restored.store.db, {
      terms: searchTerms('Foshan').map(({ match }) => ({ match, cities: [] })),
      limit: 100,
    });
    expect(found.map((e) => e.id)).toContain('isa-plenary-2019-10-foshan');
  });
});
