import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneFor } from '../../../src/core/time/intl-offset-zone.js';

describe('zoneFor (Intl longOffset)', () => {
  it("agrees with luxon's own zone on every hour across years of DST changes and historical offsets", () => {
    for (const name of [
      'Europe/Berlin',
      'Asia/Shanghai',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Europe/Amsterdam',
      'UTC',
    ]) {
      const ours = zoneFor(name);
      const luxon = IANAZone.create(name);
      const checks: number[] = [];
      // Hourly through 2018–2019 (both DST changes in Europe and the US), plus samples since 1850.
      for (let ts = Date.UTC(2018, 0, 1); ts < Date.UTC(2020, 0, 1); ts += 3_600_000) checks.push(ts);
      for (let ts = Date.UTC(1850, 0, 1); ts < Date.UTC(2040, 0, 1); ts += 7 * 86_400_000 + 3_599_000) checks.push(ts);
      for (const ts of checks) {
        if (ours.offset(ts) !== luxon.offset(ts))
          expect(ours.offset(ts), `${name} at ${new Date(ts).toISOString()}`).toBe(luxon.offset(ts));
      }
    }
  });

  it('keeps the IANA name and validity', () => {
    expect(zoneFor('Asia/Shanghai').name).toBe('Asia/Shanghai');
    expect(zoneFor('Mars/Olympus').isValid).toBe(false);
  });
});
