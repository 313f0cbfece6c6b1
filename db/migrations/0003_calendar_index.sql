-- Covering index for calendar entries (src/storage/events-repository.ts listCalendarEntries): a calendar
-- re-reads these narrow rows after every change, without touching the event rows.
CREATE INDEX events_calendar ON events (start_key, id, revision, status, end_key, cancelled_at)
  WHERE precision IN ('day', 'minute') AND start_value IS NOT NULL;
