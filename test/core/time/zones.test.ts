import { describe, expect, it } from 'vitest';
import { resolveZone } from '../../../src/core/time/zones.js';

describe('resolveZone', () => {
  it('reads CST and its names as China Standard Time, never US Central', () => {
    for (const alias of ['CST', 'cst', 'China Standard Time', 'Beijing Time', '北京时间'])
      expect(resolveZone(alias), alias).toBe('Asia/Shanghai');
  });

  it('reads CET, CEST, MEZ and MESZ as Europe/Berlin', () => {
    for (const alias of ['CET', 'CEST', 'MEZ', 'MESZ', 'mesz']) expect(resolveZone(alias), alias).toBe('Europe/Berlin');
  });

  it('canonicalises IANA names and links', () => {
    expect(resolveZone('PRC')).toBe('Asia/Shanghai');
    expect(resolveZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveZone('europe/berlin')).toBe('Europe/Berlin');
    expect(resolveZone('UTC')).toBe('Etc/UTC');
    expect(resolveZone('America/Chicago')).toBe('America/Chicago');
  });

  it("canonicalises to the tz database's primary names, not ICU's legacy ones", () => {
    expect(resolveZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(resolveZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(resolveZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(resolveZone('US/Pacific')).toBe('America/Los_Angeles');
  });

  it('regression: unknown zone strings answered 500 (PT, ET, CT, MT, which ICU and the VTIMEZONE package accept)', () => {
    for (const bad of ['PT', 'ET', 'CT', 'MT', 'pt', 'Factory']) expect(resolveZone(bad), bad).toBeNull();
  });

  it('rejects what is not in the tz database', () => {
    for (const bad of ['PST', 'Mars/Olympus', 'UTC+8', '+08:00', '', 'Europe/Berlin; DROP TABLE']) expect(resolveZone(bad), bad).toBeNull();
  });
});
