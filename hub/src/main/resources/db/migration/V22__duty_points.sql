-- Version 22 (issue 18, duty points): the county's rule table, its rule for 履职之星, the years it
-- closed, and what a hand entry of duty_point needs (who entered it, its evidence, the decision).
-- Portable SQL as in V1.

-- A county's points for a kind of duty activity from a date on. The rule in force on the day an
-- activity happened gives its points (the latest effective_from on or before that day); a kind the
-- county never set counts with the hub's default (liaison.hub.duty.DutyRules.DEFAULTS).
CREATE TABLE duty_rule (
  county_id      TEXT NOT NULL REFERENCES county (id),
  -- liaison.hub.duty.DutyKind
  kind           TEXT NOT NULL,
  -- 'YYYY-MM-DD'
  effective_from TEXT NOT NULL,
  -- may be negative (接待未到)
  points         INTEGER NOT NULL,
  set_by         TEXT NOT NULL,
  set_at         TEXT NOT NULL,
  PRIMARY KEY (county_id, kind, effective_from)
);

-- How the county chooses its 履职之星: how many per month and per year, and the least points a star
-- needs. Without a row the defaults hold (3 a month, 5 a year, at least 1 point).
CREATE TABLE duty_star_rule (
  county_id  TEXT PRIMARY KEY REFERENCES county (id),
  per_month  INTEGER NOT NULL,
  per_year   INTEGER NOT NULL,
  min_points INTEGER NOT NULL,
  set_by     TEXT NOT NULL,
  set_at     TEXT NOT NULL
);

-- 积分跨年清零: a year a county administrator closed. Its entries are frozen from then on.
CREATE TABLE duty_year_close (
  county_id TEXT NOT NULL REFERENCES county (id),
  year      INTEGER NOT NULL,
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  PRIMARY KEY (county_id, year)
);

-- A hand entry: the staff account that entered it, its evidence (a photo through the photo store
-- or a PDF kept as a department's reply file is, by its sha256), and the county administrator's
-- decision with the reason for a refusal.
ALTER TABLE duty_point ADD COLUMN entered_by TEXT;
ALTER TABLE duty_point ADD COLUMN evidence_hash TEXT;
-- IMAGE or PDF
ALTER TABLE duty_point ADD COLUMN evidence_kind TEXT;
ALTER TABLE duty_point ADD COLUMN evidence_name TEXT;
ALTER TABLE duty_point ADD COLUMN decided_by TEXT;
ALTER TABLE duty_point ADD COLUMN decided_at TEXT;
ALTER TABLE duty_point ADD COLUMN reason TEXT NOT NULL DEFAULT '';
