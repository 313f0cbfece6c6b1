-- Every change to an event: who (the token's label), when, and the event before and after (JSON of the
-- domain record). UNIQUE (event_id, revision) makes a write that lost a race fail inside its own atomic
-- batch: two writers of the same revision cannot both record it, so the loser's batch rolls back whole.
CREATE TABLE event_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL REFERENCES events (id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created', 'changed', 'cancelled', 'reinstated')),
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  before TEXT,
  after TEXT NOT NULL,
  UNIQUE (event_id, revision)
) STRICT;
CREATE INDEX event_history_at ON event_history (at, seq);
