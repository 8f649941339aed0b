-- Version 33 (issue 21, the vote): the station whose screen shows a session's live tally (the
-- session hall's; none when no screen shows it) and how many projects the session elects at most
-- (NULL: every project that meets the rule).
ALTER TABLE livelihood_vote_session ADD COLUMN station_id TEXT REFERENCES station (id);
ALTER TABLE livelihood_vote_session ADD COLUMN elects INTEGER;
