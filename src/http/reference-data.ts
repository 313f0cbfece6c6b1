/**
 * @module reference-data
 * What renderers look up besides the events themselves (today the source catalogue), read once per data
 * version: it changes only in a write, which raises the version.
 */
import type { SourceCatalogue } from '../core/model.js';
import { sourceCatalogue } from '../storage/sources-repository.js';
import type { AppDeps } from './env.js';
import { type RenderingCaches, shortHash } from './rendering-cache.js';

export interface ReferenceData {
  readonly sources: SourceCatalogue;
  /** Changes whenever what renderers look up changes: part of the keys of kept fragments. */
  readonly key: string;
}

/** The reference data of the current data version, read from the database only when the version changed. */
export async function referenceData(deps: AppDeps, caches: RenderingCaches): Promise<ReferenceData> {
  const { version } = await deps.store.dataVersion();
  const kept = caches.reference;
  if (kept && kept.version === version) return kept.data;
  const sources = await sourceCatalogue(deps.store.db);
  const data = { sources, key: shortHash(JSON.stringify([...sources.values()])) };
  caches.reference = { version, data };
  return data;
}
