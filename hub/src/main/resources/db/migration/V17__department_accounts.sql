-- Version 17 (issue 17): the departments (承办单位) answer for themselves. Portable SQL, as V1.

-- A department's account (role DEPARTMENT) names its department; every other role leaves it empty.
ALTER TABLE staff_account ADD COLUMN department_id TEXT REFERENCES department (id);
CREATE INDEX staff_account_department ON staff_account (department_id);

-- Each time a case was forwarded to a department: the department keeps reading what it handled
-- (as a 12345 system's 承办单位 does) after it replied, handed the case back or it went elsewhere.
-- A hand-back (退回) is written on the forwarding it ends.
CREATE TABLE case_forwarding (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES opinion_case (id) ON DELETE CASCADE,
  department_id TEXT NOT NULL REFERENCES department (id),
  forwarded_at  TEXT NOT NULL,
  -- the deadline the forwarding set ('YYYY-MM-DD')
  deadline      TEXT NOT NULL,
  replied_at    TEXT,
  returned_at   TEXT,
  return_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_forwarding_department ON case_forwarding (department_id, forwarded_at);
CREATE INDEX case_forwarding_case ON case_forwarding (case_id);

-- Files a department attached to its reply: a photo (re-encoded JPEG, in the photo store) or a PDF
-- (in the attachment store), each by the SHA-256 of what is stored.
CREATE TABLE case_attachment (
  case_id       TEXT NOT NULL REFERENCES opinion_case (id) ON DELETE CASCADE,
  hash          TEXT NOT NULL,
  -- IMAGE or PDF (liaison.hub.opinion.ReplyFiles.Kind)
  kind          TEXT NOT NULL,
  -- the name the file had on the sender's computer, shown and offered on download
  file_name     TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  department_id TEXT NOT NULL REFERENCES department (id),
  added_by      TEXT NOT NULL,
  added_at      TEXT NOT NULL,
  PRIMARY KEY (case_id, hash)
);

-- 延期申请: a department asks for a later deadline; a county administrator approves or refuses.
CREATE TABLE case_extension (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES opinion_case (id) ON DELETE CASCADE,
  department_id   TEXT NOT NULL REFERENCES department (id),
  asked_by        TEXT NOT NULL,
  asked_at        TEXT NOT NULL,
  -- the deadline when it was asked, and the one asked for ('YYYY-MM-DD')
  old_deadline    TEXT NOT NULL,
  wanted_deadline TEXT NOT NULL,
  reason          TEXT NOT NULL,
  -- PENDING, APPROVED, REFUSED, WITHDRAWN (the department replied or handed the case back first)
  status          TEXT NOT NULL,
  decided_by      TEXT,
  decided_at      TEXT,
  decision_note   TEXT NOT NULL DEFAULT ''
);
-- One pending request per case at a time, kept by the database itself.
CREATE UNIQUE INDEX case_extension_one_pending ON case_extension (case_id) WHERE status = 'PENDING';
CREATE INDEX case_extension_status ON case_extension (status, asked_at);
