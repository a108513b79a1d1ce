-- Where each stored setting came from, so that the configuration file can be the truth for the stores it
-- declares: 'config' (the runner's configuration file; removed from there, the setting is deleted and
-- returns to its default at the next start), 'api' (the admin API, CLI or an embedding host) or
-- 'obtained' (got by a flow: API keys the shop granted through wc-auth, the marketplace token from
-- connecting; kept whatever the configuration says). Rows written before this version are marked
-- 'obtained', which keeps them exactly as before; the next registration from the file re-marks the
-- settings it still names as 'config'.
ALTER TABLE store_settings ADD COLUMN origin VARCHAR(16) DEFAULT 'obtained' NOT NULL;
