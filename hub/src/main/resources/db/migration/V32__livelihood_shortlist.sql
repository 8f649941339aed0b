-- Version 32 (issue 21, shortlist and review): why a round was cancelled, kept for staff (the
-- public page shows nothing of a cancelled round). Portable SQL, as V1.
ALTER TABLE livelihood_round ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
