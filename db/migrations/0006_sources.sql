-- The source catalogue (GET /api/v1/sources): articles and web pages the data comes from, described in our own
-- words. Events cite entries by id in `events.sources`, a JSON array of {"ref", "note"?}, which replaces the
-- single source columns (file, verbatim quote, note): the project keeps no copied sentences of its sources.
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  publisher TEXT,
  date TEXT,
  url TEXT,
  file TEXT,
  note TEXT
) STRICT;
CREATE UNIQUE INDEX sources_url ON sources (url) WHERE url IS NOT NULL;

ALTER TABLE events ADD COLUMN sources TEXT NOT NULL DEFAULT '[]';

-- Existing events keep their source as a citation of the catalogue entry for the same file; the entries
-- themselves come with the seed data.
UPDATE events SET sources = json_array(json_object('ref', CASE source_file
    WHEN '000_f9c30faabded8447.txt' THEN 'solingen-fachtagung-2018'
    WHEN '001_d5edee3b1a0def57.txt' THEN 'solingen-china-trip-2018'
    WHEN '002_f1d0d5f95502a0a2.txt' THEN 'koeln-joins-isa-2017'
    WHEN '003_69d48c104749cb09.txt' THEN 'isa-brochure-2021'
    WHEN '004_9c6df2c3cbdd3b71.txt' THEN 'dresden-delegation-2018'
    ELSE source_file END))
  WHERE source_file IS NOT NULL;

ALTER TABLE events DROP COLUMN source_file;
ALTER TABLE events DROP COLUMN source_quote;
ALTER TABLE events DROP COLUMN source_note;
