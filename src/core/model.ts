/**
 * @module model
 * Domain types shared by every layer: cities, events, languages, kinds. Plain readonly data, no behaviour.
 */

export const LANGS = ['de', 'en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** Whether a string is one of the languages. */
export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

export const EVENT_KINDS = ['member-meeting', 'plenary', 'delegation', 'conference', 'fair', 'visit', 'founding', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Whether a string is one of the kinds. */
export const isEventKind = (value: string): value is EventKind => (EVENT_KINDS as readonly string[]).includes(value);

/**
 * A list of kinds as one value: each kind once, in the order of EVENT_KINDS. Every spelling of a filter
 * (`fair,fair`, `plenary+fair`) is one filter, so it keys one document and binds at most eight parameters.
 */
export function canonicalKinds(kinds: readonly EventKind[]): EventKind[] {
  return EVENT_KINDS.filter((kind) => kinds.includes(kind));
}

export const EVENT_STATUSES = ['confirmed', 'tentative', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** How much of a time is known: a wall time to the minute, a date, a month or a year. */
export const PRECISIONS = ['minute', 'day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const COUNTRIES = ['DE', 'CN'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Whom an alliance-wide event is for: all members, or the members of one country. */
export const AUDIENCES = ['all', 'DE', 'CN'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Which related items a selection holds: with the alliance's own events (the default), none, or only them. */
export const RELATED_FILTERS = ['include', 'exclude', 'only'] as const;
export type RelatedFilter = (typeof RELATED_FILTERS)[number];

/**
 * The filters of a listing besides its city: kinds, audience, related items. Canonical when kinds are
 * canonicalKinds and `related` is absent for the default, `include` (canonicalSelection).
 */
export interface Selection {
  readonly kinds?: readonly EventKind[];
  /** Only alliance-wide events for this audience. */
  readonly audience?: Audience;
  readonly related?: RelatedFilter;
}

/** The one form of a selection: every spelling of the same filters is one document and one query shape. */
export function canonicalSelection(selection: Selection): Selection {
  const kinds = selection.kinds ? canonicalKinds(selection.kinds) : [];
  return {
    ...(kinds.length > 0 && { kinds }),
    ...(selection.audience && { audience: selection.audience }),
    ...(selection.related && selection.related !== 'include' && { related: selection.related }),
  };
}

/** A city's standing in a period: observer, member or guest. Only members receive alliance-wide events. */
export const MEMBERSHIP_STATUSES = ['observer', 'member', 'guest'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** Why a period ended: the city left, is no longer listed, or became a member (after observing). */
export const END_REASONS = ['left', 'unlisted', 'became-member'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** A period of a city's membership, each end at the precision its source gives. */
export interface Membership {
  readonly status: MembershipStatus;
  /** A year, month or day literal. */
  readonly from: string;
  readonly to?: string;
  readonly endReason?: EndReason;
  /** The event (id) at which the city was admitted; the period includes it. */
  readonly admittedAt?: string;
  readonly sources: readonly Citation[];
}

/** Text in up to three languages; at least one is present where the model requires a title. */
export type LocalizedText = Readonly<Partial<Record<Lang, string>>>;

export interface City {
  readonly slug: string;
  readonly name: Readonly<Record<Lang, string>>;
  /** True where the Chinese name could not be confirmed from a reliable reference. */
  readonly nameZhUncertain: boolean;
  readonly aliases: readonly string[];
  readonly country: Country;
  /** ISO 3166-2 code of the state or province: `DE-NW`, `CN-GD`. */
  readonly subdivision: string | null;
  readonly timeZone: string;
  /** Membership periods, earliest first; none for a venue that is no member. */
  readonly memberships: readonly Membership[];
  /** Slug of the parent city, for a district such as Bao'an (Shenzhen). */
  readonly parent: string | null;
  readonly note: string | null;
  /** Raised by every change; what a write compares. */
  readonly revision: number;
}

/** A point in an event's own zone, as stated: a time literal of the event's precision plus the DST fold. */
export interface WallTime {
  /** `2027-04-12T10:00`, `2018-10-24`, `2018-07` or `2013`. */
  readonly value: string;
  /** 1 selects the later of two instants of an ambiguous (repeated) wall time. */
  readonly fold: 0 | 1;
}

/** An entry of the source catalogue: an article, press release or web page the data comes from. */
export interface SourceEntry {
  /** Catalogue id, `[a-z0-9-]+`. */
  readonly id: string;
  readonly title: string;
  readonly publisher: string | null;
  /** Publication date at the precision known (`2018-11-01`, `2018-10`, `2021`). */
  readonly date: string | null;
  readonly url: string | null;
  /** File name of the copy the project was given, where there is one. */
  readonly file: string | null;
  /** What the source is, in our own words. */
  readonly note: string | null;
}

/** An event's citation of a catalogue entry, with what it takes from it and what is inferred, in our own words. */
export interface Citation {
  readonly ref: string;
  readonly note?: string;
}

/** The source catalogue by id, as renderers need it. */
export type SourceCatalogue = ReadonlyMap<string, SourceEntry>;

export interface EventRecord {
  readonly id: string;
  readonly kind: EventKind;
  readonly status: EventStatus;
  /** Whom it is for when it is an event of the whole alliance (plenaries, member meetings); null otherwise. */
  readonly audience: Audience | null;
  /** Not an event of the alliance itself (a member's own trip, a forerunner), shown as related. */
  readonly related: boolean;
  readonly revision: number;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** Venue cities (slugs), at least one. */
  readonly cities: readonly string[];
  /** Other cities taking part (slugs). */
  readonly participants: readonly string[];
  readonly timeZone: string;
  readonly precision: Precision;
  readonly start: WallTime | null;
  readonly end: WallTime | null;
  readonly location: string | null;
  readonly url: string | null;
  /** Citations of the source catalogue, the first being the main source. */
  readonly sources: readonly Citation[];
  /** ISO-8601 UTC instants. */
  readonly created: string;
  readonly updated: string;
  readonly cancelledAt: string | null;
  /** Why it was cancelled, in the canceller's words, shown to subscribers. */
  readonly cancelReason?: string;
}

/** What a person who keeps the calendar may do: everything, or the events of their cities. */
export const ROLES = ['secretariat', 'city-editor'] as const;
export type Role = (typeof ROLES)[number];

/** A person who keeps the calendar. */
export interface Account {
  /** An id of the accounts table, or `token:<label>` for a writer of the ADMIN_TOKEN(S) settings. */
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  readonly lang: Lang;
  /** The city slugs a city editor works for; none for the secretariat. */
  readonly cities: readonly string[];
}
