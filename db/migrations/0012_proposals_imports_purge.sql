-- The editor's moderation, imports and purge (issue: the secretariat's editor).
--
-- Proposals: what a city editor writes beyond their cities (or to an alliance-wide event) waits here, out of
-- every public output, until the secretariat approves it (applied through the one write path) or rejects it
-- with a reason the proposer sees. `input` is the full event input the proposer sent (JSON), null for a cancel.
CREATE TABLE proposals (
  id TEXT PRIMARY KEY,
  action TEXT NOT NULL CHECK (action IN ('create', 'change', 'cancel')),
  event_id TEXT,
  base_revision INTEGER,
  input TEXT,
  reason TEXT,
  proposer_id TEXT NOT NULL,
  proposer TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected')),
  decided_by TEXT,
  decided_at TEXT,
  decision_reason TEXT
) STRICT;
CREATE INDEX proposals_open ON proposals (status, created_at);

-- A dry run of an import, kept for 24 hours so that any isolate can commit it: its items as shown, and the
-- plan the commit applies (the inputs with the revisions they were checked against).
CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  items TEXT NOT NULL,
  plan TEXT NOT NULL,
  committed_at TEXT
) STRICT;
CREATE INDEX imports_expiry ON imports (expires_at);

-- The iCalendar UID an imported event came with: importing the same file again updates that event.
CREATE TABLE event_uids (
  uid TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX event_uids_event ON event_uids (event_id);

-- Why an event was cancelled, shown to subscribers.
ALTER TABLE events ADD COLUMN cancel_reason TEXT;

-- The history outlives a purged event (it keeps that the event was purged, by whom and when, without its
-- content): rebuilt without the reference to events and with the `purged` action. SQLite cannot change a
-- CHECK or drop a reference in place (https://www.sqlite.org/lang_altertable.html §7).
CREATE TABLE event_history_new (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created', 'changed', 'cancelled', 'reinstated', 'purged')),
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  before TEXT,
  after TEXT NOT NULL,
  UNIQUE (event_id, revision)
) STRICT;
INSERT INTO event_history_new (seq, event_id, revision, action, actor, at, before, after)
  SELECT seq, event_id, revision, action, actor, at, before, after FROM event_history;
DROP TABLE event_history;
ALTER TABLE event_history_new RENAME TO event_history;
CREATE INDEX event_history_at ON event_history (at, seq);
