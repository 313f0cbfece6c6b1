/**
 * The README states the seed set's counts (cities by country and standing, events by kind, year, audience and
 * related items); this keeps them true to the seed files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_SET } from '../seeds/index.js';
import { currentStatus } from '../src/core/cities/membership.js';
import { seedCities, seedRecords } from '../src/storage/seed.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('<!-- seed-counts'), readme.indexOf('<!-- /seed-counts -->'));
/** The cells of the table rows whose first cell starts with `label`. */
const row = (label: string) =>
  section
    .split('\n')
    .find((line) => line.startsWith(`| ${label}`))
    ?.split('|')
    .slice(2, -1)
    .map((cell) => cell.trim());

const count = <T>(items: readonly T[], test: (item: T) => boolean) => String(items.filter(test).length);

describe('README seed section', () => {
  const cities = seedCities(SEED_SET);
  const events = seedRecords(SEED_SET);

  it('states the cities by country and standing', () => {
    for (const [label, status] of [
      ['member', 'member'],
      ['guest', 'guest'],
      ['former', 'former'],
      ['venue only', null],
    ] as const) {
      const expected = (['DE', 'CN'] as const).map((country) => count(cities, (c) => c.country === country && currentStatus(c) === status));
      expect(row(label), label).toEqual(expected);
    }
    expect(cities.filter((c) => currentStatus(c) === 'observer')).toEqual([]);
  });

  it('states the events by kind and by year, and the audiences and related items', () => {
    for (const kind of new Set(events.map((e) => e.kind))) expect(row(`${kind} `), kind).toEqual([count(events, (e) => e.kind === kind)]);
    const yearOf = (e: (typeof events)[number]) => (e.start ?? e.end)?.value.slice(0, 4);
    const years = row('year') ?? [];
    expect(years).toEqual([...new Set(events.map(yearOf))].sort());
    expect(row('events')).toEqual(years.map((year) => count(events, (e) => yearOf(e) === year)));
    expect(section).toContain(`${count(events, (e) => e.audience === 'all')} are for all members`);
    expect(section).toContain(`${count(events, (e) => e.audience === 'DE')} (the conferences`);
    expect(section).toContain(`${count(events, (e) => e.related)} are related items`);
  });
});
