/**
 * @module reference-data
 * What requests look up besides the events themselves — the cities with all their spellings, and the source
 * catalogue — read once per data version (it changes only in a write, which raises the version). A city name in
 * a URL is resolved here without a query, so a document is found, and kept, under the city it names, never
 * under the spelling.
 */
import { nameKey } from '../core/cities/name-key.js';
import type { City, SourceCatalogue } from '../core/model.js';
import { listCityIndex } from '../storage/cities-repository.js';
import { sourceCatalogue } from '../storage/sources-repository.js';
import type { DocumentDeps } from './deps.js';
import type { DocumentCache } from './document-cache.js';

export interface ReferenceData {
  readonly sources: SourceCatalogue;
  /** Every city, German first, each by slug. */
  readonly cities: readonly City[];
  /** Every city by its slug. */
  readonly citiesBySlug: ReadonlyMap<string, City>;
  /** The city a name denotes (name-key.ts), by the name's key. */
  readonly cityByKey: ReadonlyMap<string, City>;
}

/** The reference data of the current data version, read from the database only when the version changed. */
export async function referenceData(deps: Pick<DocumentDeps, 'store'>, cache: DocumentCache): Promise<ReferenceData> {
  const { version } = await deps.store.dataVersion();
  const kept = cache.reference;
  if (kept && kept.version === version) return kept.data;
  const [sources, { cities, keys }] = [await sourceCatalogue(deps.store.db), await listCityIndex(deps.store.db)];
  const bySlug = new Map(cities.map((city) => [city.slug, city]));
  const cityByKey = new Map<string, City>();
  for (const [key, slug] of keys) {
    const city = bySlug.get(slug);
    if (city) cityByKey.set(key, city);
  }
  const data = { sources, cities, citiesBySlug: bySlug, cityByKey };
  cache.reference = { version, data };
  return data;
}

/**
 * The city any known name or alias denotes, or null. Chinese names are found with or without the 市, 区 or 县
 * of an administrative unit (佛山市 is 佛山, 科隆市 is 科隆).
 */
export function cityNamed(reference: ReferenceData, name: string): City | null {
  const key = nameKey(name);
  return reference.cityByKey.get(key) ?? reference.cityByKey.get(key.replace(/[市区县]$/u, '')) ?? null;
}
