-- Liaison hub schema, version 1. Portable SQL: runs on SQLite (the default) and PostgreSQL.
-- Dates are 'YYYY-MM-DD', times 'HH:MM', instants ISO-8601 with their offset (+08:00), all TEXT,
-- so both databases compare and sort them the same way.

CREATE TABLE county (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE township (
  id        TEXT PRIMARY KEY,
  county_id TEXT NOT NULL REFERENCES county (id),
  name      TEXT NOT NULL
);

CREATE TABLE station (
  id            TEXT PRIMARY KEY,
  township_id   TEXT NOT NULL REFERENCES township (id),
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  address       TEXT NOT NULL DEFAULT '',
  opening_hours TEXT NOT NULL DEFAULT '',
  sign_plate    TEXT NOT NULL DEFAULT '',
  latitude      DOUBLE PRECISION,
  longitude     DOUBLE PRECISION,
  -- the unguessable part of the station's QR links
  public_token  TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE deputy (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  constituency TEXT NOT NULL DEFAULT '',
  occupation   TEXT NOT NULL DEFAULT '',
  work_unit    TEXT NOT NULL DEFAULT '',
  -- separated by '、' as in the county's spreadsheets
  specialties  TEXT NOT NULL DEFAULT '',
  photo_hash   TEXT,
  phone        TEXT,
  -- the phone is published only with the deputy's consent
  phone_public BOOLEAN NOT NULL DEFAULT FALSE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE deputy_level (
  deputy_id TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  level     TEXT NOT NULL,
  PRIMARY KEY (deputy_id, level)
);

CREATE TABLE station_deputy (
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  deputy_id  TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  PRIMARY KEY (station_id, deputy_id)
);

CREATE TABLE reception_slot (
  id         TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  slot_date  TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time   TEXT NOT NULL,
  theme      TEXT,
  location   TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX reception_slot_station_date ON reception_slot (station_id, slot_date);

CREATE TABLE reception_deputy (
  slot_id   TEXT NOT NULL REFERENCES reception_slot (id) ON DELETE CASCADE,
  deputy_id TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (slot_id, deputy_id)
);

CREATE TABLE notice (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  priority    TEXT NOT NULL,
  valid_from  TEXT NOT NULL,
  valid_until TEXT,
  -- ALL stations of the county, one TOWNSHIP, or the STATIONS listed in notice_station
  target      TEXT NOT NULL,
  township_id TEXT REFERENCES township (id),
  author      TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE notice_station (
  notice_id  TEXT NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  PRIMARY KEY (notice_id, station_id)
);

-- The last snapshot published per station: its version only ever grows, and the payload is kept
-- so a restarted broker gets exactly the same retained message back.
CREATE TABLE station_publication (
  station_id   TEXT PRIMARY KEY REFERENCES station (id) ON DELETE CASCADE,
  version      BIGINT NOT NULL,
  content_hash TEXT NOT NULL,
  payload      TEXT NOT NULL,
  published_at TEXT NOT NULL
);

-- What each station last said about itself.
CREATE TABLE station_state (
  station_id      TEXT PRIMARY KEY REFERENCES station (id) ON DELETE CASCADE,
  presence        TEXT NOT NULL,
  session         TEXT NOT NULL,
  app_version     TEXT NOT NULL,
  content_version BIGINT NOT NULL,
  screen          TEXT NOT NULL,
  reported_at     TEXT NOT NULL,
  received_at     TEXT NOT NULL
);

-- Events from the stations' outboxes, each stored once: a replay hits the primary key.
CREATE TABLE station_event (
  station_id  TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  event_id    TEXT NOT NULL,
  type        TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  body        TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (station_id, event_id)
);
CREATE INDEX station_event_type_time ON station_event (type, occurred_at);
