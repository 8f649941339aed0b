-- Version 28 (issue 19, updates from the hub): a version rolled out to one station, a township or
-- the county, in stages. Portable SQL, as V1; times are ISO-8601 text.

-- A rollout: which version, to whom, at which stage it stands and whether it runs. A station's
-- target (the snapshot's "software") is the version of the newest rollout that is not cancelled and
-- whose current stage has reached the station.
CREATE TABLE software_rollout (
  id            TEXT PRIMARY KEY,
  version       TEXT NOT NULL,
  -- STATION, TOWNSHIP or COUNTY, and the id of that station, township or county
  scope         TEXT NOT NULL,
  scope_id      TEXT NOT NULL,
  -- RUNNING, HALTED, CANCELLED or DONE
  state         TEXT NOT NULL,
  -- the stage reached, 1 to stages
  stage         INTEGER NOT NULL,
  stages        INTEGER NOT NULL,
  -- the station whose rollback halted it, and its reason as reported (starts, deadline); empty when
  -- running, or halted by hand
  halted_station TEXT NOT NULL,
  halted_reason TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX software_rollout_state ON software_rollout (state, created_at);

-- The stations a rollout takes, each in its stage, and what each last reported of the update.
CREATE TABLE software_rollout_station (
  rollout_id  TEXT NOT NULL REFERENCES software_rollout (id) ON DELETE CASCADE,
  station_id  TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  stage       INTEGER NOT NULL,
  -- the station's last software.update outcome for this version (downloading, verified, switched,
  -- healthy, rolled-back, refused, not-installed); empty until it reports one
  outcome     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  reported_at TEXT,
  PRIMARY KEY (rollout_id, station_id)
);
CREATE INDEX software_rollout_station_station ON software_rollout_station (station_id);
