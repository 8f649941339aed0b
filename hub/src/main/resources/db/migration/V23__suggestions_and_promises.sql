-- Version 23 (issue 18, suggestions): what a deputy's suggestion (代表建议, V21's deputy_suggestion)
-- goes through: the departments it is forwarded to, their replies and the deputy's rating of each,
-- the promises made in the replies (答复承诺事项) and the county's reviews of them (定期回头看).
-- Portable SQL, as V1; times are ISO-8601 text, days 'YYYY-MM-DD' in Asia/Shanghai.

-- What the suggestion is about (liaison.hub.opinion.Category, as residents' opinions), who typed it
-- in (the deputy, or a county administrator for a suggestion made at a meeting), its last change.
ALTER TABLE deputy_suggestion ADD COLUMN category TEXT NOT NULL DEFAULT 'OTHER';
ALTER TABLE deputy_suggestion ADD COLUMN made_by TEXT NOT NULL DEFAULT '';
ALTER TABLE deputy_suggestion ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';

-- 交办: one row per department and round. Round 1 is the first forward (one lead department, 主办,
-- and any co-handling ones, 协办); a department whose reply the deputy rated 不满意 may be forwarded
-- the suggestion again (再交办), a new round, so earlier replies and ratings stay as they were.
CREATE TABLE suggestion_forwarding (
  suggestion_id  TEXT NOT NULL REFERENCES deputy_suggestion (id),
  department_id  TEXT NOT NULL REFERENCES department (id),
  round          INTEGER NOT NULL,
  -- 1 主办, 0 协办
  lead           INTEGER NOT NULL,
  forwarded_at   TEXT NOT NULL,
  forwarded_by   TEXT NOT NULL,
  -- the reply is due by this day (working days from the forward, by the county's calendar)
  deadline       TEXT NOT NULL,
  reply          TEXT,
  replied_at     TEXT,
  replied_by     TEXT,
  -- SATISFIED, BASICALLY_SATISFIED, DISSATISFIED: the deputy's rating of this reply
  rating         TEXT,
  rating_comment TEXT NOT NULL DEFAULT '',
  rated_at       TEXT,
  PRIMARY KEY (suggestion_id, department_id, round)
);
CREATE INDEX suggestion_forwarding_department ON suggestion_forwarding (department_id, replied_at);

-- 答复承诺事项: what a department promised in its reply, and by when. Pending until staff mark it
-- kept with a note; overdue once its day has passed unkept. Staff set the next review date (and how
-- many months apart reviews come); the department is reminded a few working days before it.
CREATE TABLE suggestion_promise (
  id             TEXT PRIMARY KEY,
  suggestion_id  TEXT NOT NULL REFERENCES deputy_suggestion (id),
  department_id  TEXT NOT NULL REFERENCES department (id),
  round          INTEGER NOT NULL,
  text           TEXT NOT NULL,
  due_on         TEXT NOT NULL,
  next_review_on TEXT,
  -- 0: no regular review; n: the next review date moves n months on after each review
  review_months  INTEGER NOT NULL DEFAULT 0,
  kept_at        TEXT,
  kept_by        TEXT,
  kept_note      TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
);
CREATE INDEX suggestion_promise_suggestion ON suggestion_promise (suggestion_id);
CREATE INDEX suggestion_promise_review ON suggestion_promise (next_review_on);

-- 定期回头看: each review of a promise, what was found and by whom.
CREATE TABLE promise_review (
  id          TEXT PRIMARY KEY,
  promise_id  TEXT NOT NULL REFERENCES suggestion_promise (id),
  reviewed_on TEXT NOT NULL,
  finding     TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX promise_review_promise ON promise_review (promise_id, reviewed_on);

-- The photos and PDFs a deputy attaches to a suggestion, stored as a department's reply files are
-- (liaison.hub.opinion.ReplyFiles): photos in the photo store, PDFs under attachments/.
CREATE TABLE suggestion_attachment (
  suggestion_id TEXT NOT NULL REFERENCES deputy_suggestion (id),
  hash          TEXT NOT NULL,
  -- IMAGE or PDF
  kind          TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  added_by      TEXT NOT NULL,
  added_at      TEXT NOT NULL,
  PRIMARY KEY (suggestion_id, hash)
);
