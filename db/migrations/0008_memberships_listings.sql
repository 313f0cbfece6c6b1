-- Members with a history, events for an audience, related items, listings made for "next N in city X", and the
-- bookkeeping of seed revisions.

ALTER TABLE cities ADD COLUMN subdivision TEXT;
-- Raised by every change of a city (names, memberships), so the seed loader can tell edited cities from seeded ones.
ALTER TABLE cities ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- Membership periods (docs/interface.md, "Cities"). from_key is the first instant the period counts from (the
-- day given; the day after a month or year given ends); to_key the first instant it no longer does (the start of
-- `to_value`), NULL while it lasts. A period naming admitted_at also includes that event.
CREATE TABLE memberships (
  city TEXT NOT NULL REFERENCES cities (slug),
  position INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('observer', 'member', 'guest')),
  from_value TEXT NOT NULL,
  from_key INTEGER NOT NULL,
  to_value TEXT,
  to_key INTEGER,
  end_reason TEXT CHECK (end_reason IN ('left', 'unlisted', 'became-member')),
  admitted_at TEXT,
  sources TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (city, position)
) STRICT;
CREATE INDEX memberships_admitted ON memberships (admitted_at) WHERE admitted_at IS NOT NULL;

-- What a city knew as member_since becomes a member period from then on.
INSERT INTO memberships (city, position, status, from_value, from_key)
  SELECT slug, 0, 'member', member_since, member_since_key FROM cities WHERE member = 1 AND member_since IS NOT NULL;
ALTER TABLE cities DROP COLUMN member;
ALTER TABLE cities DROP COLUMN member_since;
ALTER TABLE cities DROP COLUMN member_since_key;

-- Alliance-wide events are for all members or the members of one country; related items are not ISA events.
ALTER TABLE events ADD COLUMN audience TEXT CHECK (audience IN ('all', 'DE', 'CN'));
ALTER TABLE events ADD COLUMN related INTEGER NOT NULL DEFAULT 0;
UPDATE events SET audience = 'all' WHERE alliance_wide = 1;

-- Every event in every city's listing, one row each: where it takes place, who takes part, and the members an
-- alliance-wide event reaches on its date. Kept in the same atomic write as the event or the membership it
-- follows from, so "next N in city X" is one index range.
CREATE TABLE event_listings (
  city TEXT NOT NULL REFERENCES cities (slug),
  event_id TEXT NOT NULL REFERENCES events (id),
  via TEXT NOT NULL CHECK (via IN ('venue', 'participant', 'member')),
  start_key INTEGER NOT NULL,
  end_key INTEGER NOT NULL,
  PRIMARY KEY (city, event_id)
) STRICT;
CREATE INDEX event_listings_city_start ON event_listings (city, start_key, event_id);
CREATE INDEX event_listings_event ON event_listings (event_id);

INSERT INTO event_listings (city, event_id, via, start_key, end_key)
  SELECT city, event_id, role, start_key, end_key FROM event_cities;
INSERT OR IGNORE INTO event_listings (city, event_id, via, start_key, end_key)
  SELECT m.city, e.id, 'member', e.start_key, e.end_key
  FROM events e JOIN memberships m ON m.status = 'member' JOIN cities c ON c.slug = m.city
  WHERE e.alliance_wide = 1
    AND (m.admitted_at = e.id OR m.from_key <= e.start_key)
    AND (m.to_key IS NULL OR e.start_key < m.to_key)
    AND (e.audience = 'all' OR e.audience = c.country);

-- Which seed revision a database holds, and what the seed last wrote of each item (its revision then), so a
-- newer revision updates what no editor changed since and leaves the rest alone.
CREATE TABLE seed_items (
  item TEXT PRIMARY KEY,
  seed_revision INTEGER NOT NULL,
  item_revision INTEGER NOT NULL
) STRICT;
-- Rows are `set@<revision>` (one per revision loaded; its uniqueness stops a second loader racing the first)
-- and `event:<id>`, `city:<slug>`, `source:<id>`.

-- Catalogue entries get a revision too, so an edited entry is told from a seeded one. One address may be cited
-- in several versions (a page as it stood in 2017 and in 2021), so addresses are no longer unique.
ALTER TABLE sources ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
DROP INDEX sources_url;
CREATE INDEX sources_url ON sources (url) WHERE url IS NOT NULL;

-- A database seeded before revisions existed holds revision 1 of the set: its cities and sources as seeded,
-- and the events no write created (writes record `created` in the history; seeds did not), at the revision
-- they were seeded with. What an editor changed since has a higher revision and is left alone.
INSERT INTO seed_items (item, seed_revision, item_revision) SELECT 'set@1', 1, 1 FROM seed_runs LIMIT 1;
INSERT INTO seed_items (item, seed_revision, item_revision)
  SELECT 'city:' || slug, 1, 1 FROM cities WHERE EXISTS (SELECT 1 FROM seed_runs);
INSERT INTO seed_items (item, seed_revision, item_revision)
  SELECT 'source:' || id, 1, 1 FROM sources WHERE EXISTS (SELECT 1 FROM seed_runs);
INSERT INTO seed_items (item, seed_revision, item_revision)
  SELECT 'event:' || id, 1, 1 FROM events
  WHERE EXISTS (SELECT 1 FROM seed_runs)
    AND id NOT IN (SELECT event_id FROM event_history WHERE action = 'created');
DROP TABLE seed_runs;
