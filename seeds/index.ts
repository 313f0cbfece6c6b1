/**
 * @module seeds
 * The reviewed seed data (sources.json, cities.json, events.json), typed for the loader in src/storage/seed.ts.
 */
import type { Citation, City, EventKind, EventStatus, LocalizedText, SourceEntry } from '../src/core/model.js';
import cities from './cities.json' with { type: 'json' };
import events from './events.json' with { type: 'json' };
import sources from './sources.json' with { type: 'json' };

/** A seed event in the shape of a write (time literals, zone), plus its fixed id and source. */
export interface SeedEvent {
  readonly id: string;
  readonly kind: EventKind;
  readonly status?: EventStatus;
  readonly allianceWide?: boolean;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly cities: readonly string[];
  readonly participants?: readonly string[];
  readonly timeZone: string;
  readonly start: string | null;
  readonly end?: string | null;
  readonly location?: string | null;
  readonly url?: string | null;
  readonly sources: readonly Citation[];
}

export interface SeedSet {
  /** Recorded in seed_runs, so the set is loaded once per database. */
  readonly id: string;
  /** When the set was reviewed: the created/updated instant of its events, so every database renders alike. */
  readonly reviewed: string;
  readonly sources: readonly SourceEntry[];
  readonly cities: readonly City[];
  readonly events: readonly SeedEvent[];
}

type CityJson = Omit<City, 'nameZhUncertain' | 'parent'> & { nameZhUncertain?: boolean; parent?: string | null };

export const SEED_SET: SeedSet = {
  id: events.seedSet,
  reviewed: events.reviewed,
  sources: sources.sources as SourceEntry[],
  cities: (cities.cities as CityJson[]).map((c) => ({ ...c, nameZhUncertain: c.nameZhUncertain ?? false, parent: c.parent ?? null })),
  events: events.events as SeedEvent[],
};
