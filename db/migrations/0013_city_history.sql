-- Every change of a city the secretariat makes in the editor (names, membership periods …): who, when, and
-- the city before and after (JSON of the domain record). UNIQUE (slug, revision) makes a change that lost a
-- race to another fail inside its own atomic batch, as event_history does for events.
CREATE TABLE city_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL,
  revision INTEGER NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  before TEXT,
  after TEXT NOT NULL,
  UNIQUE (slug, revision)
) STRICT;
