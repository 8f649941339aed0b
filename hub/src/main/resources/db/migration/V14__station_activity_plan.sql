-- Version 14 (issue 16): the station's annual activity plan (年度活动计划), one of the things every
-- station discloses. Portable SQL as in V1: dates as ISO text (2026-03-15), one set of statements
-- for SQLite and PostgreSQL.

-- One planned activity of a station: its day, its kind (RECEPTION_DAY 接待日, INSPECTION 视察,
-- RESEARCH 调研, REPORT 述职, TRAINING 培训, OTHER 其他), a theme and a place; notes for the public.
-- The plan of a year is the station's activities dated in that year.
CREATE TABLE plan_activity (
  id            TEXT PRIMARY KEY,
  station_id    TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  activity_date TEXT NOT NULL,
  kind          TEXT NOT NULL,
  theme         TEXT NOT NULL,
  place         TEXT NOT NULL DEFAULT '',
  notes         TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX plan_activity_station_date ON plan_activity (station_id, activity_date);

-- The deputies taking part, in the order staff listed them (optional: a training may name none).
CREATE TABLE plan_activity_deputy (
  activity_id TEXT NOT NULL REFERENCES plan_activity (id) ON DELETE CASCADE,
  deputy_id   TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  PRIMARY KEY (activity_id, deputy_id)
);
