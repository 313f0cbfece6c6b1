-- Write limits are counted where each runtime counts best (memory on the single Node process, Cloudflare's
-- rate-limiting binding on Workers), no longer with a database write per attempt.
DROP TABLE rate_limits;
