-- Version 13 (issue 16): the opinion loop's results in public. Portable SQL, as V1.

-- When the case was last answered (答复), in the same form as the other instants: whether an answer
-- came within the deadline is a comparison of two columns (liaison.hub.results.HandlingResults),
-- not a search of the timeline. Cases answered before this version take it from their timeline.
ALTER TABLE opinion_case ADD COLUMN answered_at TEXT;
UPDATE opinion_case
   SET answered_at = (SELECT MAX(e.at) FROM case_event e
                       WHERE e.case_id = opinion_case.id AND e.to_status = 'ANSWERED')
 WHERE answer IS NOT NULL;

-- 公示摘要: what staff wrote for the public when answering a case and ticked 公开 (the problem in
-- general terms, the department, the result), one per case, the latest answer's. Never the
-- resident's own text, name, phone or address: those stay on opinion_case and case_contact. A
-- county administrator may withdraw one (withdrawn_at set): it leaves every screen and page.
CREATE TABLE published_summary (
  case_id      TEXT PRIMARY KEY REFERENCES opinion_case (id) ON DELETE CASCADE,
  station_id   TEXT NOT NULL REFERENCES station (id),
  text         TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT
);
CREATE INDEX published_summary_station ON published_summary (station_id, published_at);

-- The handling figures (HandlingResults) read every case received in a period: a station's for its
-- snapshot, a county's for the public pages and the dashboard. Measured on 100,000 cases
-- (docs/BENCHMARKS.md, HandlingResultsBenchmark): without these, SQLite looked up each case of a
-- county's 12 months in the table (1.1 s) and a station's by its status index (11 ms a snapshot).
-- The first covers the county query (nothing read from the table), the second finds a station's.
CREATE INDEX opinion_case_results ON opinion_case
  (submitted_at, station_id, status, department_id, deadline, answered_at, rating);
CREATE INDEX opinion_case_station_submitted ON opinion_case (station_id, submitted_at);
