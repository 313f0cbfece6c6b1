-- Rendering once per change (src/documents/): what the renderers wrote is stored, so a restart, a new Workers
-- isolate or a deploy that keeps the render version serves stored bytes instead of rendering again.

-- The rendered pieces of each event in each language: its VEVENT (kind 'vevent'), written in the same batch as
-- the event. `stamp` names what else the bytes show (render version, the version of the source catalogue, the
-- settings that go into links); a piece whose stamp or revision is not the current one is rendered again.
CREATE TABLE fragments (
  event_id TEXT NOT NULL REFERENCES events (id),
  kind TEXT NOT NULL CHECK (kind IN ('vevent')),
  lang TEXT NOT NULL CHECK (lang IN ('de', 'en', 'zh')),
  revision INTEGER NOT NULL,
  stamp TEXT NOT NULL,
  -- The zone a VEVENT needs a VTIMEZONE for.
  tzid TEXT,
  bytes BLOB NOT NULL,
  PRIMARY KEY (event_id, kind, lang)
) STRICT;

-- Whole documents (calendars, feeds, lists, pages) as served, in each content encoding, in parts of at most
-- 1 MB (D1 stores at most 2 MB in a row). `stamp` names what they were built from: the render version, the data
-- version, the UTC day and the settings.
CREATE TABLE documents (
  key TEXT NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('identity', 'gzip', 'br')),
  part INTEGER NOT NULL,
  stamp TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (key, encoding, part)
) STRICT;

-- Raised with the data version when something rendered pieces show besides their event changes (an entry of
-- the source catalogue), so that every piece is rendered again once.
ALTER TABLE data_version ADD COLUMN reference_version INTEGER NOT NULL DEFAULT 1;
