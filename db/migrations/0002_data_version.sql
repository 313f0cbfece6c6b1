-- One row counting every change to the data: renderings (calendars, feeds) are kept by version and date,
-- so a poll of an unchanged calendar costs one read of this row and no rendering.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
INSERT INTO data_version (id, version, changed_at) VALUES (1, 0, '1970-01-01T00:00:00Z');
