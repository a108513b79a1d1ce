-- Golisto Sync state store, version 8 (same portable SQL as V1).

-- The last successful order poll is kept once, in poll_counts.last_polled_at (V4); the copy V6 added to
-- store_health was written on every successful poll beside it.
ALTER TABLE store_health DROP COLUMN last_order_poll_at;
