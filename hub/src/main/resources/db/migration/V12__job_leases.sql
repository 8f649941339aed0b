-- Version 12 (issue 14): several hubs as one system on one database. Portable SQL, as V1.
-- Instants here are milliseconds since the epoch (BIGINT) read from the hubs' clocks: a lease or a
-- throttle compares them in its own conditional statement, the same way on SQLite and PostgreSQL.

-- Who does a job. A job named X (a scheduled job, the snapshot publisher, a hub's own presence
-- 'hub:<its MQTT client id>') runs on the hub holding X's lease; the holder renews it before it
-- expires, another hub takes it once it has expired. Taking and renewing are one conditional
-- statement each (db.Leases), so two hubs never both hold it.
CREATE TABLE job_lease (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  acquired_at BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);

-- Rate limits counted for every hub at once (log-ins, residents' forms, tracking look-ups,
-- enrolment codes): the keys counted per limit, each with when it was last heard from (the stalest
-- is forgotten first when a limit keeps a bounded number of keys)...
CREATE TABLE throttle_key (
  scope   TEXT NOT NULL,
  subject TEXT NOT NULL,
  last_at BIGINT NOT NULL,
  PRIMARY KEY (scope, subject)
);

-- ... and the times of what was counted, within the limit's window: at most the limit per key.
-- Rows older than their window are pruned by one hub (the lease 'throttle-prune').
CREATE TABLE throttle_hit (
  scope   TEXT NOT NULL,
  subject TEXT NOT NULL,
  at      BIGINT NOT NULL,
  FOREIGN KEY (scope, subject) REFERENCES throttle_key (scope, subject) ON DELETE CASCADE
);
CREATE INDEX throttle_hit_by_key ON throttle_hit (scope, subject, at);

-- The last content version given out per station, whichever hub gave it: a version is taken from
-- here (one conditional upsert) before it is published, so no two hubs, and no hub after a
-- failover, ever publish a version lower than or equal to one given out before. Not a foreign key:
-- a station deleted and made again under the same id goes on from its old number, which its screen
-- may still hold.
CREATE TABLE station_version (
  station_id   TEXT PRIMARY KEY,
  last_version BIGINT NOT NULL
);
INSERT INTO station_version (station_id, last_version)
  SELECT station_id, version FROM station_publication;

-- Stations a hub that does not publish saw change: the publishing hub takes these (and deletes
-- them) within a second. What a hub changes while it publishes itself never waits here.
CREATE TABLE publish_request (
  station_id   TEXT PRIMARY KEY,
  requested_at TEXT NOT NULL
);
