-- Version 25 (issue 18): the vote of a report to voters (述职评议). Portable SQL, as V1.
--
-- The ballot scheme (docs/DEPUTIES.md, "The report to voters and its vote"): staff print slips, each
-- with a one-time code; a voter's phone sends the code with the ballot. Nothing stored links a
-- ballot to its code: the code row keeps no time of use and no ballot id, the ballot no code, and
-- its time is rounded to the minute. Using the code, storing the ballot and counting it in
-- voter_report are one transaction (on PostgreSQL the rows of a transaction share its id until the
-- close rewrites them: ReportRepository.close).

-- Every change of a report's tally (opening, a ballot, closing) takes the next number: the stations
-- keep the tally with the highest (VoteTally.seq), so hubs that publish in any order agree.
ALTER TABLE voter_report ADD COLUMN tally_seq INTEGER NOT NULL DEFAULT 0;
-- The station's tally topic was cleared after the close (the screen no longer shows the result).
ALTER TABLE voter_report ADD COLUMN tally_cleared BOOLEAN NOT NULL DEFAULT FALSE;
-- How many ballot codes were printed for it, over every batch of slips.
ALTER TABLE voter_report ADD COLUMN codes_issued INTEGER NOT NULL DEFAULT 0;

-- A ballot code, only as its hash (SHA-256 of the report's id and the code), never in the clear;
-- eight letters of 31 can still be found from it by trying them all, so the codes keep a voter from
-- voting twice, not someone who reads the database from printing a slip. Used once; when it was used is not kept.
CREATE TABLE report_ballot_code (
  report_id TEXT NOT NULL REFERENCES voter_report (id),
  code_hash TEXT NOT NULL,
  used      BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (report_id, code_hash)
);

-- A ballot: a random id, the choice and the voter's optional words; no code, no address, no phone.
CREATE TABLE report_ballot (
  id        TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES voter_report (id),
  -- SATISFIED (满意), BASICALLY_SATISFIED (基本满意), DISSATISFIED (不满意)
  choice    TEXT NOT NULL,
  comment   TEXT NOT NULL DEFAULT '',
  -- the minute it was cast, Asia/Shanghai, 'YYYY-MM-DDTHH:MM:00+08:00'
  cast_at   TEXT NOT NULL
);
CREATE INDEX report_ballot_report ON report_ballot (report_id, cast_at);

-- The ballot forms already counted, by the random token each form carries: a form sent twice (a
-- reload, a double tap, a replay) is answered "already counted" and counts once.
CREATE TABLE report_ballot_form (
  report_id TEXT NOT NULL REFERENCES voter_report (id),
  form      TEXT NOT NULL,
  PRIMARY KEY (report_id, form)
);
