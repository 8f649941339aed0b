-- Version 8: the readings of each station's latest heartbeat (issue 6), beside its presence. Empty
-- until a station reports them; an offline state (the Last Will) keeps the last readings.
ALTER TABLE station_state ADD COLUMN uptime_seconds BIGINT;
ALTER TABLE station_state ADD COLUMN cpu_celsius DOUBLE PRECISION;
ALTER TABLE station_state ADD COLUMN disk_free_bytes BIGINT;
ALTER TABLE station_state ADD COLUMN memory_used_bytes BIGINT;
ALTER TABLE station_state ADD COLUMN memory_max_bytes BIGINT;
