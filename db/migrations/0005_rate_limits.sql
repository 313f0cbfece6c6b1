-- Write rate limits that hold across Workers isolates (and Node processes): one counter per key (token label or
-- client address) for the current fixed window. Old windows are pruned by the scheduled refresh.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
) STRICT;
