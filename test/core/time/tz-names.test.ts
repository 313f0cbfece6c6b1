import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TZ_NAMES_FILE, tzNamesJson } from '../../../src/cli/generate-tz-names.js';

describe('tz-names.json', () => {
  it('is what npm run generate:tz makes from the installed tzdata (run it after updating tzdata)', () => {
    expect(readFileSync(TZ_NAMES_FILE, 'utf8')).toBe(tzNamesJson());
    // Reading the whole tz database from disk takes seconds on a cold file cache while other suites run.
  }, 30_000);

  it('names every zone it lists in a way this runtime can use, and links only to listed zones', () => {
    const doc = JSON.parse(readFileSync(TZ_NAMES_FILE, 'utf8')) as { zones: string[]; links: Record<string, string> };
    for (const zone of doc.zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone).not.toThrow();
    const zones = new Set(doc.zones);
    for (const [link, primary] of Object.entries(doc.links)) expect(zones.has(primary), `${link} → ${primary}`).toBe(true);
  });
});
