-- Version 34 (issue 21, supervise and evaluate): what V30's tables lacked. Portable SQL, as V30.

-- A progress photo is public only once staff publish it (docs/LIVELIHOOD.md): the time they did.
ALTER TABLE livelihood_progress_photo ADD COLUMN published_at TEXT;

-- The year's ratings (测评) are open from this time until staff close them (the round EVALUATED).
ALTER TABLE livelihood_round ADD COLUMN ratings_opened_at TEXT;
