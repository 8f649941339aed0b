-- Version 2: staff accounts and their sessions, recurring reception rules, departments, the audit
-- log, and when each station first showed each content version (delivery receipts).
-- Portable SQL as in V1.

CREATE TABLE staff_account (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  -- COUNTY_ADMIN (all of the county), STATION_MANAGER (listed stations), DEPUTY (own schedule)
  role          TEXT NOT NULL,
  county_id     TEXT NOT NULL REFERENCES county (id),
  deputy_id     TEXT REFERENCES deputy (id) ON DELETE SET NULL,
  password_hash TEXT NOT NULL,
  disabled      BOOLEAN NOT NULL DEFAULT FALSE,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE staff_station (
  account_id TEXT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, station_id)
);

-- Only a hash of the session token is kept: a copy of the database opens no session.
CREATE TABLE staff_session (
  token_hash   TEXT PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX staff_session_account ON staff_session (account_id);

CREATE TABLE department (
  id         TEXT PRIMARY KEY,
  county_id  TEXT NOT NULL REFERENCES county (id),
  name       TEXT NOT NULL,
  contact    TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- "every Tuesday 09:00–11:30" (WEEKLY, weekday 2) or "the 15th of each month" (MONTHLY, month_day 15)
CREATE TABLE reception_rule (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  weekday     INTEGER,
  month_day   INTEGER,
  start_time  TEXT NOT NULL,
  end_time    TEXT NOT NULL,
  theme       TEXT,
  location    TEXT NOT NULL DEFAULT '',
  valid_from  TEXT NOT NULL,
  valid_until TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE reception_rule_deputy (
  rule_id   TEXT NOT NULL REFERENCES reception_rule (id) ON DELETE CASCADE,
  deputy_id TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (rule_id, deputy_id)
);

CREATE TABLE reception_rule_exception (
  rule_id        TEXT NOT NULL REFERENCES reception_rule (id) ON DELETE CASCADE,
  exception_date TEXT NOT NULL,
  PRIMARY KEY (rule_id, exception_date)
);

ALTER TABLE reception_slot ADD COLUMN rule_id TEXT REFERENCES reception_rule (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX reception_slot_rule_date ON reception_slot (rule_id, slot_date);

-- A notice "for all stations" means all stations of its author's county.
ALTER TABLE notice ADD COLUMN county_id TEXT REFERENCES county (id);

-- Who changed what, and when. Never updated, never deleted by the application.
CREATE TABLE audit_entry (
  id          TEXT PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  summary     TEXT NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_entity ON audit_entry (entity, entity_id);

-- Each version a station published, with the notices it carried, and when the station first said
-- it showed that version (or a later one): the delivery receipts of notices.
CREATE TABLE publication_notice (
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  version    BIGINT NOT NULL,
  notice_id  TEXT NOT NULL,
  PRIMARY KEY (station_id, version, notice_id)
);
CREATE INDEX publication_notice_notice ON publication_notice (notice_id);

CREATE TABLE station_version_shown (
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  version    BIGINT NOT NULL,
  shown_at   TEXT NOT NULL,
  PRIMARY KEY (station_id, version)
);
