-- When the latest attempt of an intent's remote write began. An attempt whose answer was lost (a crash, a
-- timeout) may still be completing at the remote; the engine waits for it to settle before trying again.
ALTER TABLE intents ADD COLUMN attempted_at BIGINT;
