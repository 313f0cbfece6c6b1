/** places.json: up to date with the seeds and the gazetteer, and each city where it is. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { PLACES_FILE, placesJson } from '../../src/cli/generate-places.js';

const { places } = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as { places: Record<string, { lat: number; lng: number; at?: string }> };

describe('places.json', () => {
  it('is what npm run generate:places writes now (run it after adding a city)', () => {
    expect(readFileSync(PLACES_FILE, 'utf8')).toBe(placesJson());
  });

  it('places every city of the seeds, each in its own country', () => {
    for (const city of SEED_SET.cities) {
      const place = places[city.slug];
      expect(place, city.slug).toBeDefined();
      if (!place) continue;
      if (city.country === 'DE') expect(place.lat > 47 && place.lat < 55.1 && place.lng > 5.8 && place.lng < 15.1, city.slug).toBe(true);
      else expect(place.lat > 18 && place.lat < 54 && place.lng > 73 && place.lng < 135, city.slug).toBe(true);
    }
  });

  it('tells namesakes apart by province: Taizhou in Zhejiang, Suzhou in Jiangsu, Ma’anshan in Anhui', () => {
    expect(places.taizhou?.lat).toBeCloseTo(28.66, 1);
    expect(places.suzhou?.lng).toBeCloseTo(120.6, 1);
    expect(places.maanshan?.lat).toBeCloseTo(31.69, 1);
    expect(places.koeln?.lat).toBeCloseTo(50.93, 1);
    expect(places.nansha?.at).toBe('guangzhou');
  });
});
