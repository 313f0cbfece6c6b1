/** holiday-table.json: up to date with the packages it is generated from. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOLIDAY_TABLE_FILE, holidayTableJson } from '../../src/cli/generate-holidays.js';

describe('holiday-table.json', () => {
  it('is what npm run generate:holidays writes now (run it after updating date-holidays or chinese-days)', () => {
    expect(readFileSync(HOLIDAY_TABLE_FILE, 'utf8')).toBe(holidayTableJson());
  });
});
