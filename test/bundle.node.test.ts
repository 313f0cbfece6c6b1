/**
 * The Worker bundle as `wrangler deploy` would upload it (dry run, offline) stays within 275 KiB gzip: small
 * enough that a fresh isolate parses it quickly (bench/RESULTS.md, a fresh Workers isolate), far below
 * Cloudflare's limits. What went into it and what was cut out: README, "Running on Cloudflare Workers".
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SEED_SET } from '../seeds/index.js';

const BUDGET_GZIP_BYTES = 275 * 1024;

describe('worker bundle', () => {
  it('is at most 275 KiB gzip and holds no seed data', async () => {
    const out = mkdtempSync(join(tmpdir(), 'isa-bundle-'));
    try {
      await promisify(execFile)('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', out], {
        env: {
          ...process.env,
          WRANGLER_SEND_METRICS: 'false',
          WRANGLER_SEND_ERROR_REPORTS: 'false',
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          WRANGLER_HIDE_BANNER: 'true',
        },
        timeout: 120_000,
      });
      const bundle = readFileSync(join(out, 'worker.js'));
      const gzip = gzipSync(bundle, { level: 9 }).byteLength;
      console.log(
        `worker bundle: ${(bundle.byteLength / 1024).toFixed(0)} KiB minified, ${(gzip / 1024).toFixed(0)} KiB gzip (budget ${BUDGET_GZIP_BYTES / 1024} KiB)`,
      );
      // The seed data stays out (npm run worker:seed loads it): no seed event's or source's id as a string.
      const text = bundle.toString('utf8');
      for (const { id } of [...SEED_SET.events, ...SEED_SET.sources]) expect(text).not.toContain(`"${id}"`);
      expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});
