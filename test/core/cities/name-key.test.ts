import { describe, expect, it } from 'vitest';
import { nameKey, storedKeys } from '../../../src/core/cities/name-key.js';

describe('city name keys', () => {
  it('ignores case, accents and apostrophes', () => {
    expect(new Set(['Köln', 'KÖLN', 'koln', 'Koln'].map(nameKey))).toEqual(new Set(['koln']));
    expect(new Set(["Ma'anshan", 'Ma’anshan', 'maanshan', 'MA`ANSHAN'].map(nameKey))).toEqual(new Set(['maanshan']));
    expect(nameKey('Rhein-Kreis  Neuss')).toBe(nameKey('rhein kreis neuss'));
    expect(nameKey('佛山')).toBe('佛山');
  });

  it('stores the German transcription of umlauts too', () => {
    expect(storedKeys('Köln')).toEqual(['koln', 'koeln']);
    expect(storedKeys('Foshan')).toEqual(['foshan']);
    expect(storedKeys('Göttingen')).toContain(nameKey('Goettingen'));
  });
});
