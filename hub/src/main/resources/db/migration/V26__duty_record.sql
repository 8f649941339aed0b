-- Version 26 (issue 18, the duty record 履职档案): the county's duty list (履职清单) of aspects a
-- deputy's record for a year is laid out in, and staff's notes per deputy, year and aspect. Portable
-- SQL, as V1; times are ISO-8601 text.

-- One aspect of the county's duty list. An aspect is never deleted: it is retired from a year on, so
-- the records of the years before still show it (and the notes written under it). Renaming or
-- moving it changes every year's record: the name is a label, not what was recorded.
CREATE TABLE duty_aspect (
  id           TEXT PRIMARY KEY,
  county_id    TEXT NOT NULL REFERENCES county (id),
  -- its place in the list, 1 first
  position     INTEGER NOT NULL,
  name_zh      TEXT NOT NULL,
  name_en      TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  -- what fills it: liaison.hub.dutyrecord.AspectSource (MANUAL: staff's notes only)
  source       TEXT NOT NULL,
  -- the first year whose record shows it
  from_year    INTEGER NOT NULL,
  -- the first year whose record no longer shows it; null while active
  retired_from INTEGER,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
);
CREATE INDEX duty_aspect_county ON duty_aspect (county_id, position);

-- What staff wrote in a deputy's record for a year under one aspect (a meeting's minutes kept on
-- paper, a prize, the support the deputy had): added one by one, each with who and when.
CREATE TABLE duty_record_note (
  id         TEXT PRIMARY KEY,
  deputy_id  TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  aspect_id  TEXT NOT NULL REFERENCES duty_aspect (id),
  text       TEXT NOT NULL,
  written_by TEXT NOT NULL,
  written_at TEXT NOT NULL
);
CREATE INDEX duty_record_note_deputy_year ON duty_record_note (deputy_id, year);
