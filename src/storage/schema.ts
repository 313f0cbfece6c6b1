/**
 * @module schema
 * Kysely table types for db/migrations (one interface per table). test/storage/schema.test.ts selects every
 * column from a migrated database, so a drift between these types and the SQL fails loudly.
 */
import type { Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';

export interface CitiesTable {
  slug: string;
  name_de: string;
  name_en: string;
  name_zh: string;
  name_zh_uncertain: number;
  country: 'DE' | 'CN';
  subdivision: string | null;
  time_zone: string;
  parent: string | null;
  note: string | null;
  revision: Generated<number>;
}

export interface MembershipsTable {
  city: string;
  position: number;
  status: 'observer' | 'member' | 'guest';
  from_value: string;
  from_key: number;
  to_value: string | null;
  to_key: number | null;
  end_reason: 'left' | 'unlisted' | 'became-member' | null;
  admitted_at: string | null;
  /** JSON array of citations. */
  sources: Generated<string>;
}

export interface EventListingsTable {
  city: string;
  event_id: string;
  via: 'venue' | 'participant' | 'member';
  start_key: number;
  end_key: number;
}

export interface SeedItemsTable {
  /** `set@<revision>`, `event:<id>`, `city:<slug>`, `source:<id>`. */
  item: string;
  seed_revision: number;
  /** The item's revision as the seed wrote it: a higher one means an editor changed it since. */
  item_revision: number;
}

export interface CityNamesTable {
  name_key: string;
  slug: string;
  name: string;
}

export interface EventsTable {
  id: string;
  kind: string;
  status: Generated<string>;
  alliance_wide: Generated<number>;
  revision: Generated<number>;
  title_de: string | null;
  title_en: string | null;
  title_zh: string | null;
  description_de: string | null;
  description_en: string | null;
  description_zh: string | null;
  time_zone: string;
  precision: string;
  start_value: string | null;
  start_fold: Generated<number>;
  end_value: string | null;
  end_fold: Generated<number>;
  start_key: number;
  end_key: number;
  span: GeneratedAlways<number>;
  location: string | null;
  url: string | null;
  /** JSON array of citations, `[{"ref": "…", "note": "…"}]`. */
  sources: Generated<string>;
  audience: 'all' | 'DE' | 'CN' | null;
  related: Generated<number>;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** The event's cities in order, `role:city` items joined by spaces (0011_event_links.sql). */
  links: Generated<string>;
}

export interface EventCitiesTable {
  event_id: string;
  city: string;
  role: 'venue' | 'participant';
  position: number;
  start_key: number;
  end_key: number;
}

export interface SourcesTable {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  file: string | null;
  note: string | null;
  revision: Generated<number>;
}

export interface DataVersionTable {
  id: number;
  version: number;
  changed_at: string;
  reference_version: Generated<number>;
}

export interface FragmentsTable {
  event_id: string;
  kind: 'vevent';
  lang: 'de' | 'en' | 'zh';
  revision: number;
  /** Render version, reference version and settings the bytes were rendered with. */
  stamp: string;
  tzid: string | null;
  bytes: Uint8Array;
}

export interface DocumentsTable {
  key: string;
  encoding: 'identity' | 'gzip' | 'br';
  /** Parts of at most 1 MB, from 0. */
  part: number;
  stamp: string;
  etag: string;
  last_modified: string;
  bytes: Uint8Array;
}

export interface EventHistoryTable {
  seq: Generated<number>;
  event_id: string;
  revision: number;
  action: 'created' | 'changed' | 'cancelled' | 'reinstated' | 'purged';
  actor: string;
  at: string;
  before: string | null;
  after: string;
}

export interface AccountsTable {
  id: string;
  label: string;
  role: 'secretariat' | 'city-editor';
  lang: 'de' | 'en' | 'zh';
  /** JSON array of city slugs. */
  cities: string;
  /** SHA-256 of the sign-in token, hex. */
  token_digest: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session id the cookie carries, hex. */
  id_digest: string;
  account: string;
  form_token: string;
  created_at: string;
  expires_at: string;
}

export interface ProposalsTable {
  id: string;
  action: 'create' | 'change' | 'cancel';
  event_id: string | null;
  base_revision: number | null;
  /** JSON of the event input proposed; null for a cancel. */
  input: string | null;
  /** Why a cancel was proposed. */
  reason: string | null;
  proposer_id: string;
  proposer: string;
  created_at: string;
  status: Generated<'open' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
}

export interface ImportsTable {
  id: string;
  account: string;
  created_at: string;
  expires_at: string;
  /** JSON of the dry run's items as answered. */
  items: string;
  /** JSON of what the commit applies. */
  plan: string;
  committed_at: string | null;
}

export interface EventUidsTable {
  uid: string;
  event_id: string;
}

export interface CityHistoryTable {
  seq: Generated<number>;
  slug: string;
  revision: number;
  actor: string;
  at: string;
  before: string | null;
  after: string;
}

/** The search index (FTS5, migration 0014): an event's searchable text as normalised tokens. */
export interface EventSearchTable {
  event_id: string;
  body: string;
}

/** Which index version event_search was last rebuilt for. */
export interface SearchIndexTable {
  id: number;
  version: number;
}

export interface Database {
  event_history: EventHistoryTable;
  data_version: DataVersionTable;
  cities: CitiesTable;
  city_names: CityNamesTable;
  events: EventsTable;
  event_cities: EventCitiesTable;
  sources: SourcesTable;
  memberships: MembershipsTable;
  event_listings: EventListingsTable;
  seed_items: SeedItemsTable;
  fragments: FragmentsTable;
  documents: DocumentsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  proposals: ProposalsTable;
  imports: ImportsTable;
  event_uids: EventUidsTable;
  city_history: CityHistoryTable;
  event_search: EventSearchTable;
  search_index: SearchIndexTable;
}

export type CityRow = Selectable<CitiesTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type NewCityRow = Insertable<CitiesTable>;
