/**
 * The Worker bundle as `wrangler deploy` would upload it (dry run, offline) stays within 320 KiB gzip: small
 * enough that a fresh isolate parses it quickly (bench/RESULTS.md, a fresh Workers isolate), far below
 * Cloudflare's limits. The budget was 250 KiB until the editor (its pages and words in three languages, sessions
 * and accounts) added 15 KiB, and 270 KiB until imports, moderation, cities and the legal pages added 48 KiB
 * (ical.js 23 KiB and csv-parse 8 KiB of it; the Windows zone names are generated into tz-names.json rather than
 * bundled with windows-iana's 77 KiB of tables). The seed data (36 KiB) is the next part to move out.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const BUDGET_GZIP_BYTES = 320 * 1024;

describe('worker bundle', () => {
  it('is at most 320 KiB gzip', async () => {
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
      expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});
