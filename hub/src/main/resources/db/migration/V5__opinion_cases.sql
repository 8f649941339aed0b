-- Version 5: residents' opinions as cases through the closed loop 收集 → 登记 → 交办 → 办理 → 答复 → 回访,
-- their timeline, their photos, the residents' contact details (kept apart), and a QR token per
-- deputy at a station. Portable SQL as in V1. The statuses and their allowed steps are in
-- liaison.hub.opinion.CaseStatus; the database only stores them.

CREATE TABLE opinion_case (
  id                    TEXT PRIMARY KEY,
  -- what the resident keeps to follow the case: 12 characters without look-alikes, 'XXXX-XXXX-XXXX'
  tracking_code         TEXT NOT NULL UNIQUE,
  -- a case stays in the ledger (台账): a station with cases is not deleted (no cascade here)
  station_id            TEXT NOT NULL REFERENCES station (id),
  -- set when the resident used a deputy's own QR link
  deputy_id             TEXT REFERENCES deputy (id) ON DELETE SET NULL,
  category              TEXT NOT NULL,
  text                  TEXT NOT NULL,
  status                TEXT NOT NULL,
  -- staff's summary when registering (登记)
  summary               TEXT NOT NULL DEFAULT '',
  department_id         TEXT REFERENCES department (id),
  -- 'YYYY-MM-DD', by when the department must reply
  deadline              TEXT,
  department_reply      TEXT,
  -- the answer the resident reads on the tracking page (答复)
  answer                TEXT,
  -- for legal and litigation matters (涉法涉诉): where to turn instead
  guidance              TEXT,
  submitted_at          TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  -- set on CLOSED, CLOSED_WITH_GUIDANCE and MERGED; cleared when reopened. Contact retention counts from it.
  closed_at             TEXT,
  merged_into           TEXT REFERENCES opinion_case (id),
  -- 督办: when the overdue case went up to the county
  escalated_at          TEXT,
  -- became a deputy's formal suggestion (代表建议)
  suggestion            BOOLEAN NOT NULL DEFAULT FALSE,
  -- the resident allowed their contact details to go to the handling department
  contact_to_department BOOLEAN NOT NULL DEFAULT FALSE,
  -- SATISFIED, BASICALLY_SATISFIED, DISSATISFIED (回访)
  rating                TEXT,
  rating_comment        TEXT NOT NULL DEFAULT '',
  rated_at              TEXT
);
CREATE INDEX opinion_case_station_status ON opinion_case (station_id, status);
CREATE INDEX opinion_case_status_deadline ON opinion_case (status, deadline);
CREATE INDEX opinion_case_submitted ON opinion_case (submitted_at);
CREATE INDEX opinion_case_closed ON opinion_case (closed_at);

-- A resident's name and phone, only when they gave them after reading the notice (PIPL Art. 35),
-- kept apart from the case so that lists, exports and departments never carry them by accident,
-- and deleted a configurable number of days after the case closed (PIPL Art. 19).
CREATE TABLE case_contact (
  case_id    TEXT PRIMARY KEY REFERENCES opinion_case (id) ON DELETE CASCADE,
  name       TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  consent_at TEXT NOT NULL
);

-- Up to three photos per case, in the hub's photo store by content hash.
CREATE TABLE case_photo (
  case_id  TEXT NOT NULL REFERENCES opinion_case (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  hash     TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);

-- The timeline: every step, by whom ('resident', 'system' or a staff username), never updated.
CREATE TABLE case_event (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES opinion_case (id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_event_case_at ON case_event (case_id, at);

-- Each deputy at a station has a QR link of their own ('/o/<token>'), made on first need and then
-- kept, so printed cards stay valid. A station's own link uses station.public_token.
CREATE TABLE deputy_link (
  token      TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  deputy_id  TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  UNIQUE (station_id, deputy_id)
);
