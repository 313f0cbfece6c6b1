-- Schema for both runtimes: applied by `wrangler d1 migrations apply` on D1 and by the Node runner
-- (src/storage/migrate.ts) on SQLite, both recording progress in the table `d1_migrations`.

CREATE TABLE cities (
  slug TEXT PRIMARY KEY,
  name_de TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_zh_uncertain INTEGER NOT NULL DEFAULT 0,
  country TEXT NOT NULL CHECK (country IN ('DE', 'CN')),
  time_zone TEXT NOT NULL,
  member INTEGER NOT NULL DEFAULT 0,
  -- Time literal (year, month or day) from which the sources show the city as a member.
  member_since TEXT,
  -- Earliest instant of member_since in time_zone, ms since the epoch (UTC).
  member_since_key INTEGER,
  parent TEXT REFERENCES cities (slug),
  note TEXT
) STRICT;

-- Every spelling a city answers to, by normalised key (src/core/cities/name-key.ts).
CREATE TABLE city_names (
  name_key TEXT PRIMARY KEY,
  slug TEXT NOT NULL REFERENCES cities (slug),
  name TEXT NOT NULL
) STRICT;
CREATE INDEX city_names_slug ON city_names (slug);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
  alliance_wide INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  title_de TEXT,
  title_en TEXT,
  title_zh TEXT,
  description_de TEXT,
  description_en TEXT,
  description_zh TEXT,
  -- The truth: wall-time literals of one precision in time_zone, with the DST fold.
  time_zone TEXT NOT NULL,
  precision TEXT NOT NULL CHECK (precision IN ('minute', 'day', 'month', 'year')),
  start_value TEXT,
  start_fold INTEGER NOT NULL DEFAULT 0,
  end_value TEXT,
  end_fold INTEGER NOT NULL DEFAULT 0,
  -- Derived from the above (src/core/time/wall-time.ts eventSpan): inclusive UTC instants in ms, for order and filters.
  start_key INTEGER NOT NULL,
  end_key INTEGER NOT NULL,
  span INTEGER GENERATED ALWAYS AS (end_key - start_key) STORED,
  location TEXT,
  url TEXT,
  source_file TEXT,
  source_quote TEXT,
  source_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_at TEXT
) STRICT;
CREATE INDEX events_start ON events (start_key, id);
CREATE INDEX events_alliance_start ON events (start_key, id) WHERE alliance_wide = 1;
-- max(span) bounds how far before `from` an overlapping event can start.
CREATE INDEX events_span ON events (span);

-- Venue and participant cities, with copies of the event's keys so that a city listing is one index range.
CREATE TABLE event_cities (
  event_id TEXT NOT NULL REFERENCES events (id),
  city TEXT NOT NULL REFERENCES cities (slug),
  role TEXT NOT NULL CHECK (role IN ('venue', 'participant')),
  position INTEGER NOT NULL,
  start_key INTEGER NOT NULL,
  end_key INTEGER NOT NULL,
  PRIMARY KEY (event_id, city)
) STRICT;
CREATE INDEX event_cities_city_start ON event_cities (city, start_key, event_id);

-- Which seed sets have been loaded, so a restart never loads one twice.
CREATE TABLE seed_runs (
  id TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
) STRICT;
