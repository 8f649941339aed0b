-- Version 21 (issue 18): the deputies' side, the core the parts of it build on: the suggestions
-- deputies make, their reports to voters, their duty points and the county's stars. Each part adds
-- its own columns and tables in later versions. Portable SQL, as V1; times are ISO-8601 text.

-- 代表建议: a suggestion a deputy makes, handled by departments (their replies, the deputy's rating
-- and the promises made in them come with the suggestions' own version).
CREATE TABLE deputy_suggestion (
  id           TEXT PRIMARY KEY,
  deputy_id    TEXT NOT NULL REFERENCES deputy (id),
  county_id    TEXT NOT NULL REFERENCES county (id),
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  -- SUBMITTED, FORWARDED, REPLIED, CLOSED, WITHDRAWN
  status       TEXT NOT NULL,
  submitted_at TEXT NOT NULL
);
CREATE INDEX deputy_suggestion_deputy ON deputy_suggestion (deputy_id, submitted_at);
CREATE INDEX deputy_suggestion_county ON deputy_suggestion (county_id, status);

-- 述职评议: a deputy reports to the voters at a station; the voters evaluate by anonymous ballot and
-- the counts are kept here when the vote closes (the ballots themselves with the vote's version).
CREATE TABLE voter_report (
  id                  TEXT PRIMARY KEY,
  deputy_id           TEXT NOT NULL REFERENCES deputy (id),
  station_id          TEXT NOT NULL REFERENCES station (id),
  starts_at           TEXT NOT NULL,
  ends_at             TEXT NOT NULL,
  title               TEXT NOT NULL DEFAULT '',
  -- SCHEDULED, OPEN (ballots taken), CLOSED (result announced), CANCELLED
  status              TEXT NOT NULL,
  closed_at           TEXT,
  satisfied           INTEGER NOT NULL DEFAULT 0,
  basically_satisfied INTEGER NOT NULL DEFAULT 0,
  dissatisfied        INTEGER NOT NULL DEFAULT 0,
  created_by          TEXT NOT NULL,
  created_at          TEXT NOT NULL
);
CREATE INDEX voter_report_station ON voter_report (station_id, starts_at);
CREATE INDEX voter_report_deputy ON voter_report (deputy_id, starts_at);

-- 履职积分: one row per entry of a deputy's duty points. The points are those of the rule in force
-- on the day it happened, written at recording, so a rule changed later never rewrites the past.
-- Every entry names its source: a record the hub keeps (source_kind RECEPTION, CASE, SUGGESTION,
-- REPORT with that record's id) or HAND (entered by staff, source_id the entry's own id).
CREATE TABLE duty_point (
  id          TEXT PRIMARY KEY,
  deputy_id   TEXT NOT NULL REFERENCES deputy (id),
  county_id   TEXT NOT NULL REFERENCES county (id),
  -- the year it counts in (积分跨年清零: each year starts at zero)
  year        INTEGER NOT NULL,
  -- 'YYYY-MM-DD', Asia/Shanghai
  occurred_on TEXT NOT NULL,
  -- liaison.hub.duty.DutyKind
  kind        TEXT NOT NULL,
  points      INTEGER NOT NULL,
  -- PENDING (entered by hand, awaiting a county administrator), APPROVED, REFUSED
  status      TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  source_id   TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  -- One entry per deputy, kind and source: recording again changes nothing.
  UNIQUE (deputy_id, kind, source_kind, source_id)
);
CREATE INDEX duty_point_county_year ON duty_point (county_id, year, status);
CREATE INDEX duty_point_deputy_year ON duty_point (deputy_id, year);

-- 履职之星: the deputies the county's rule chose for a month ('YYYY-MM') or a year ('YYYY').
CREATE TABLE duty_star (
  county_id   TEXT NOT NULL REFERENCES county (id),
  -- MONTH or YEAR
  period_kind TEXT NOT NULL,
  period      TEXT NOT NULL,
  deputy_id   TEXT NOT NULL REFERENCES deputy (id),
  points      INTEGER NOT NULL,
  chosen_at   TEXT NOT NULL,
  PRIMARY KEY (county_id, period_kind, period, deputy_id)
);
