/**
 * @module seeds
 * The reviewed seed data (sources.json, cities.json, events.json), typed for the loader in src/storage/seed.ts.
 */
import type { Audience, Citation, City, EventKind, EventStatus, LocalizedText, Membership, SourceEntry } from '../src/core/model.js';
import cities from './cities.json' with { type: 'json' };
import events from './events.json' with { type: 'json' };
import sources from './sources.json' with { type: 'json' };

/** A seed event in the shape of a write (time literals, zone), plus its fixed id and sources. */
export interface SeedEvent {
  readonly id: string;
  readonly kind: EventKind;
  readonly status?: EventStatus;
  readonly audience?: Audience | null;
  readonly related?: boolean;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly cities: readonly string[];
  readonly participants?: readonly string[];
  /** Default: the first city's zone. */
  readonly timeZone?: string;
  readonly start: string | null;
  readonly end?: string | null;
  readonly location?: string | null;
  readonly url?: string | null;
  readonly sources: readonly Citation[];
}

/** A seed city: a City before it is stored (no revision), optional parts left out. */
export type SeedCity = Omit<City, 'revision' | 'nameZhUncertain' | 'parent' | 'note' | 'memberships'> & {
  readonly nameZhUncertain?: boolean;
  readonly parent?: string | null;
  readonly note?: string | null;
  readonly memberships?: readonly Membership[];
};

export interface SeedSet {
  /** The set's name; its revisions replace each other. */
  readonly name: string;
  /** Raised with every correction or addition; a database loads a revision newer than the one it holds. */
  readonly revision: number;
  /** When the revision was reviewed: the created/updated instant of what a fresh database gets from it. */
  readonly reviewed: string;
  readonly sources: readonly SourceEntry[];
  readonly cities: readonly SeedCity[];
  readonly events: readonly SeedEvent[];
}

export const SEED_SET: SeedSet = {
  name: events.seedSet,
  revision: events.revision,
  reviewed: events.reviewed,
  sources: sources.sources as SourceEntry[],
  cities: cities.cities as SeedCity[],
  events: events.events as SeedEvent[],
};
