-- Version 30 (issue 21): livelihood projects decided by the deputies' vote (民生实事项目人大代表票决制),
-- every stage's tables (docs/LIVELIHOOD.md): collect, shortlist, vote, supervise, evaluate. Portable
-- SQL, as V1; days are 'YYYY-MM-DD', times ISO-8601 text.

-- One congress's projects for one year: the county's (township_id NULL) or a township's.
CREATE TABLE livelihood_round (
  id          TEXT PRIMARY KEY,
  county_id   TEXT NOT NULL REFERENCES county (id),
  township_id TEXT REFERENCES township (id),
  -- the year the projects are for
  year        INTEGER NOT NULL,
  title       TEXT NOT NULL,
  -- residents propose from opens_on to closes_on inclusive (Asia/Shanghai)
  opens_on    TEXT NOT NULL,
  closes_on   TEXT NOT NULL,
  -- COLLECTING, REVIEWING, SHORTLISTED, VOTING, DECIDED, EVALUATED, CANCELLED
  state       TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX livelihood_round_county ON livelihood_round (county_id, state);

-- The categories a round asks for, by opinion.Category's names.
CREATE TABLE livelihood_round_category (
  round_id TEXT NOT NULL REFERENCES livelihood_round (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  PRIMARY KEY (round_id, position)
);

-- A proposed project. No contact is kept: proposals are anonymous (docs/LIVELIHOOD.md).
CREATE TABLE livelihood_proposal (
  id              TEXT PRIMARY KEY,
  round_id        TEXT NOT NULL REFERENCES livelihood_round (id),
  -- RESIDENT (QR form), RECEPTION (staff, at a reception), DEPUTY (staff, for a deputy), OPINION
  source          TEXT NOT NULL,
  -- the station it came through (NULL for a deputy's proposal entered by the county)
  station_id      TEXT REFERENCES station (id),
  deputy_id       TEXT REFERENCES deputy (id) ON DELETE SET NULL,
  opinion_case_id TEXT REFERENCES opinion_case (id),
  category        TEXT NOT NULL,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL,
  place           TEXT NOT NULL DEFAULT '',
  -- SUBMITTED, ACCEPTED (public), SET_ASIDE
  status          TEXT NOT NULL,
  -- staff's reason for setting it aside (staff only)
  status_note     TEXT NOT NULL DEFAULT '',
  -- the staff account that entered it; NULL for a resident's
  entered_by      TEXT,
  submitted_at    TEXT NOT NULL,
  decided_at      TEXT
);
CREATE INDEX livelihood_proposal_round ON livelihood_proposal (round_id, status, submitted_at);
-- an opinion becomes at most one proposal of a round
CREATE UNIQUE INDEX livelihood_proposal_opinion ON livelihood_proposal (round_id, opinion_case_id);

CREATE TABLE livelihood_proposal_photo (
  proposal_id TEXT NOT NULL REFERENCES livelihood_proposal (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  PRIMARY KEY (proposal_id, position)
);

-- A project staff make from proposals (初定), put to the vote, then supervised.
CREATE TABLE livelihood_project (
  id              TEXT PRIMARY KEY,
  round_id        TEXT NOT NULL REFERENCES livelihood_round (id),
  -- order on the shortlist and the ballot
  position        INTEGER NOT NULL,
  category        TEXT NOT NULL,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL,
  place           TEXT NOT NULL DEFAULT '',
  department_id   TEXT REFERENCES department (id),
  -- the estimate, in yuan
  cost_yuan       BIGINT,
  starts_on       TEXT,
  ends_on         TEXT,
  -- DRAFT, SHORTLISTED, LEFT_OUT, ELECTED, NOT_ELECTED
  state           TEXT NOT NULL,
  left_out_reason TEXT NOT NULL DEFAULT '',
  -- the tally, counted in the ballot's transaction
  votes_for       INTEGER NOT NULL DEFAULT 0,
  votes_against   INTEGER NOT NULL DEFAULT 0,
  votes_abstain   INTEGER NOT NULL DEFAULT 0,
  -- the last progress the department reported
  progress        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX livelihood_project_round ON livelihood_project (round_id, position);

-- The proposals a project was merged from; a proposal goes into one project at most.
CREATE TABLE livelihood_project_proposal (
  proposal_id TEXT PRIMARY KEY REFERENCES livelihood_proposal (id),
  project_id  TEXT NOT NULL REFERENCES livelihood_project (id) ON DELETE CASCADE
);
CREATE INDEX livelihood_project_proposal_project ON livelihood_project_proposal (project_id);

-- The vote at the session of the congress that decides (票决).
CREATE TABLE livelihood_vote_session (
  id             TEXT PRIMARY KEY,
  round_id       TEXT NOT NULL REFERENCES livelihood_round (id),
  title          TEXT NOT NULL,
  held_on        TEXT NOT NULL,
  -- at most this many FOR per ballot
  choices        INTEGER NOT NULL,
  -- MORE_THAN_HALF_OF_ALL: elected with FOR above half of deputies_total
  rule           TEXT NOT NULL,
  deputies_total INTEGER NOT NULL,
  -- PLANNED, OPEN, CLOSED
  state          TEXT NOT NULL,
  opened_at      TEXT,
  closed_at      TEXT,
  codes_issued   INTEGER NOT NULL DEFAULT 0,
  tally_seq      INTEGER NOT NULL DEFAULT 0,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX livelihood_vote_session_round ON livelihood_vote_session (round_id);

-- A one-time code, only as its hash (as report_ballot_code); no deputy, no time of use.
CREATE TABLE livelihood_vote_code (
  session_id TEXT NOT NULL REFERENCES livelihood_vote_session (id),
  code_hash  TEXT NOT NULL,
  used       BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (session_id, code_hash)
);

-- The deputies a code was issued to: one each; who voted is known, not how.
CREATE TABLE livelihood_vote_voter (
  session_id TEXT NOT NULL REFERENCES livelihood_vote_session (id),
  deputy_id  TEXT NOT NULL REFERENCES deputy (id),
  issued_at  TEXT NOT NULL,
  PRIMARY KEY (session_id, deputy_id)
);

-- A ballot: a random id and the minute it was cast; no code, no deputy.
CREATE TABLE livelihood_ballot (
  id         TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES livelihood_vote_session (id),
  cast_at    TEXT NOT NULL
);
CREATE INDEX livelihood_ballot_session ON livelihood_ballot (session_id);

CREATE TABLE livelihood_ballot_choice (
  ballot_id  TEXT NOT NULL REFERENCES livelihood_ballot (id),
  project_id TEXT NOT NULL REFERENCES livelihood_project (id),
  -- FOR, AGAINST, ABSTAIN
  choice     TEXT NOT NULL,
  PRIMARY KEY (ballot_id, project_id)
);

-- Ballot forms already counted, by their random token: a form sent twice counts once.
CREATE TABLE livelihood_ballot_form (
  session_id TEXT NOT NULL REFERENCES livelihood_vote_session (id),
  form       TEXT NOT NULL,
  PRIMARY KEY (session_id, form)
);

-- An elected project's milestones (监督).
CREATE TABLE livelihood_milestone (
  id         TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES livelihood_project (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  title      TEXT NOT NULL,
  due_on     TEXT NOT NULL,
  done_on    TEXT
);
CREATE INDEX livelihood_milestone_project ON livelihood_milestone (project_id, position);

-- The department's progress reports.
CREATE TABLE livelihood_progress (
  id          TEXT PRIMARY KEY,
  project_id  TEXT NOT NULL REFERENCES livelihood_project (id) ON DELETE CASCADE,
  percent     INTEGER NOT NULL,
  text        TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  reported_at TEXT NOT NULL
);
CREATE INDEX livelihood_progress_project ON livelihood_progress (project_id, reported_at);

CREATE TABLE livelihood_progress_photo (
  progress_id TEXT NOT NULL REFERENCES livelihood_progress (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  PRIMARY KEY (progress_id, position)
);

-- The deputies assigned to supervise a project.
CREATE TABLE livelihood_supervisor (
  project_id TEXT NOT NULL REFERENCES livelihood_project (id) ON DELETE CASCADE,
  deputy_id  TEXT NOT NULL REFERENCES deputy (id),
  PRIMARY KEY (project_id, deputy_id)
);

CREATE TABLE livelihood_supervision_note (
  id         TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES livelihood_project (id) ON DELETE CASCADE,
  deputy_id  TEXT NOT NULL REFERENCES deputy (id),
  text       TEXT NOT NULL,
  written_at TEXT NOT NULL
);
CREATE INDEX livelihood_supervision_note_project ON livelihood_supervision_note (project_id, written_at);

-- The year's evaluation (测评): a rating with no rater's identity.
CREATE TABLE livelihood_rating (
  id         TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES livelihood_project (id),
  year       INTEGER NOT NULL,
  -- DEPUTY or RESIDENT
  rater      TEXT NOT NULL,
  -- SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
  choice     TEXT NOT NULL,
  rated_on   TEXT NOT NULL
);
CREATE INDEX livelihood_rating_project ON livelihood_rating (project_id, year);

-- The deputies who have rated a project in a year, apart from their ratings: once each.
CREATE TABLE livelihood_rating_deputy (
  project_id TEXT NOT NULL REFERENCES livelihood_project (id),
  year       INTEGER NOT NULL,
  deputy_id  TEXT NOT NULL REFERENCES deputy (id),
  PRIMARY KEY (project_id, year, deputy_id)
);
