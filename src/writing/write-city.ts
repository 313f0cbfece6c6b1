/**
 * @module write-city
 * The secretariat adds a city or changes one (names, spellings, membership periods …): checked against the
 * other cities (city-input.ts), then one atomic batch with the city, its spellings and periods, the cities'
 * listings rebuilt, a history row, and both the data and the reference version raised (every stored event
 * fragment names its cities, so each is rendered anew). A change that lost a race to another rolls back whole.
 */
import { canonicalJson } from '../core/canonical-json.js';
import type { Account, City } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import { referenceData } from '../documents/reference-data.js';
import { insertCityStatements, updateCityStatements } from '../storage/cities-repository.js';
import { isLostCityRace, recordCityChange } from '../storage/city-history-repository.js';
import { bumpDataVersion, bumpReferenceVersion } from '../storage/data-version.js';
import { type CityInput, cityFromInput } from './city-input.js';
import type { WriteContext, WriteError } from './write-event.js';

/** The stored city with `slug`, or not_found. */
export async function findCity(ctx: WriteContext, slug: string): Promise<Result<City, WriteError>> {
  const city = (await referenceData(ctx.deps, ctx.cache)).cities.find((c) => c.slug === slug);
  return city ? ok(city) : fail({ code: 'not_found', field: 'id', message: `no city "${slug}"` });
}

/** Adds a city (`before` null) or stores its next revision; the secretariat only. */
export async function saveCity(
  ctx: WriteContext,
  account: Account,
  input: CityInput,
  before: City | null,
): Promise<Result<City, WriteError>> {
  if (account.role !== 'secretariat') return fail({ code: 'forbidden', message: 'only the secretariat adds and changes cities' });
  const resolved = cityFromInput(await referenceData(ctx.deps, ctx.cache), input, before);
  if (!resolved.ok) return resolved;
  const city = resolved.value;
  if (before && canonicalJson({ ...before, revision: 0 }) === canonicalJson({ ...city, revision: 0 })) return ok(before);
  const { db } = ctx.deps.store;
  const at = new Date(ctx.deps.clock()).toISOString();
  try {
    await ctx.deps.store.batch([
      ...(before ? updateCityStatements(db, city) : insertCityStatements(db, city)),
      recordCityChange(db, city.slug, { revision: city.revision, actor: account.label, at, before, after: city }),
      bumpDataVersion(db, at),
      bumpReferenceVersion(db),
    ]);
  } catch (error) {
    if (isLostCityRace(error)) return fail({ code: 'precondition_failed', message: 'the city was changed by another person meanwhile' });
    throw error;
  }
  return ok(city);
}
