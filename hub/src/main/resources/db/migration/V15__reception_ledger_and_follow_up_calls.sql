-- Version 15 (issue 16): the reception ledger (接待台账) and the follow-up calls (回访) staff make.
-- Portable SQL, as V1.

-- What the station's staff write in the ledger about a reception once it is held: how many
-- residents came (counted by staff; NULL until entered, which is not the same as nobody) and notes.
ALTER TABLE reception_slot ADD COLUMN visitors INTEGER;
ALTER TABLE reception_slot ADD COLUMN ledger_note TEXT NOT NULL DEFAULT '';

-- The reception where a case was received: set when a resident submits at the station while one
-- is held, set or cleared by staff on the case page. A deleted reception leaves the case unlinked.
ALTER TABLE opinion_case ADD COLUMN reception_id TEXT REFERENCES reception_slot (id) ON DELETE SET NULL;
CREATE INDEX opinion_case_reception ON opinion_case (reception_id);

-- 回访: a follow-up call staff made to the resident about a case, whether or not they rated online.
-- Never changes the case's status; its line goes into the case's timeline and the audit log.
CREATE TABLE case_follow_up (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES opinion_case (id) ON DELETE CASCADE,
  -- 'YYYY-MM-DD', the day of the call
  called_on   TEXT NOT NULL,
  -- who called, as staff wrote it (a name, or a deputy)
  caller      TEXT NOT NULL,
  -- REACHED_SATISFIED, REACHED_DISSATISFIED, NOT_REACHED (liaison.hub.opinion.FollowUpResult)
  result      TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  -- the staff account that recorded it
  recorded_by TEXT NOT NULL
);
CREATE INDEX case_follow_up_case ON case_follow_up (case_id, called_on);
