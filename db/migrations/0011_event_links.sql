-- An event's cities in its own row (`role:city` items in their order, space-separated), written with the event:
-- a listing reads them with the row instead of a subquery per event (issue: render once per change, "next 50 in
-- a city"). event_cities stays the table that filters and joins by city.
ALTER TABLE events ADD COLUMN links TEXT NOT NULL DEFAULT '';

UPDATE events SET links = coalesce(
  (SELECT group_concat(role || ':' || city, ' ' ORDER BY position) FROM event_cities WHERE event_cities.event_id = events.id),
  ''
);
