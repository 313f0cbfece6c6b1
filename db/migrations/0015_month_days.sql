-- The month view reads a month of events by start: this index holds everything it decides on (the day an
-- event is shown on, its precision, the filters), so a month of thousands of events is read from the index
-- alone, without a lookup of each event's row.
CREATE INDEX events_days ON events (start_key, id, precision, start_value, end_value, kind, audience, related);
