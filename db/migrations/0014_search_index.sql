-- The search index (src/core/text/search-text.ts): one row per event with its titles, descriptions and place
-- as normalised tokens (Han bigrams, German transliterations), which the event writer keeps in step. It is
-- derived data: rebuilt from the events whenever `search_index` does not hold the code's index version — after
-- this migration, after an import of data from another database, and after a backup dropped it (D1's export
-- refuses virtual tables: docs/deploy.md).
CREATE VIRTUAL TABLE IF NOT EXISTS event_search USING fts5(event_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 0');

-- Which index version the rows of event_search were last rebuilt for (one row, or none: rebuild).
CREATE TABLE search_index (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
