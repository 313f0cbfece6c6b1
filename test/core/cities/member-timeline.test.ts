/** Members per country over the years, from the membership periods. */
import { describe, expect, it } from 'vitest';
import { memberCounts } from '../../../src/core/cities/member-timeline.js';
import { makeCity } from '../../fixtures/events.js';

const TODAY = Date.parse('2026-12-02T08:00:00Z');

describe('memberCounts', () => {
  it('counts each country’s members at each year’s end, and today in the current year', () => {
    const cities = [
      makeCity({
        slug: 'a',
        country: 'DE',
        timeZone: 'Europe/Berlin',
        memberships: [{ status: 'member', from: '2016-04-25', sources: [] }],
      }),
      // A period known to the year counts from the day after that year: not a member at the end of 2017.
      makeCity({ slug: 'b', country: 'CN', memberships: [{ status: 'member', from: '2017', sources: [] }] }),
      makeCity({
        slug: 'c',
        country: 'CN',
        memberships: [{ status: 'member', from: '2016-10', to: '2019-06-01', endReason: 'left', sources: [] }],
      }),
      makeCity({ slug: 'd', country: 'CN', memberships: [{ status: 'observer', from: '2016-01-01', sources: [] }] }),
    ];
    const counts = memberCounts(cities, TODAY);
    expect(counts[0]).toEqual({ year: 2016, DE: 1, CN: 1 });
    expect(counts.find((c) => c.year === 2017)).toEqual({ year: 2017, DE: 1, CN: 1 });
    expect(counts.find((c) => c.year === 2018)).toEqual({ year: 2018, DE: 1, CN: 2 });
    expect(counts.find((c) => c.year === 2019)).toEqual({ year: 2019, DE: 1, CN: 1 });
    expect(counts.at(-1)).toEqual({ year: 2026, DE: 1, CN: 1 });
  });

  it('is empty when no city was ever a member', () => {
    expect(memberCounts([makeCity({ slug: 'venue' })], TODAY)).toEqual([]);
  });
});
