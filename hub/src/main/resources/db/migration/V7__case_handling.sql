-- Version 7: what the staff loop needs beyond V5. A case that became a deputy's formal suggestion
-- (代表建议) names the deputy who takes it up, chosen among the station's deputies.
-- Portable SQL as in V1.

ALTER TABLE opinion_case ADD COLUMN suggestion_deputy_id TEXT REFERENCES deputy (id) ON DELETE SET NULL;
CREATE INDEX opinion_case_escalated ON opinion_case (escalated_at);
CREATE INDEX department_county ON department (county_id);
