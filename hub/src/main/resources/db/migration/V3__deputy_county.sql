-- Version 3: every deputy belongs to a county, so a county's staff find and manage their deputies
-- (also one not yet assigned to any station) and never another county's. Portable SQL as in V1.
-- Deputies already stored take the county of a station they are assigned to.

ALTER TABLE deputy ADD COLUMN county_id TEXT REFERENCES county (id);

UPDATE deputy SET county_id = (
  SELECT t.county_id
  FROM station_deputy sd
  JOIN station s ON s.id = sd.station_id
  JOIN township t ON t.id = s.township_id
  WHERE sd.deputy_id = deputy.id
  ORDER BY sd.station_id
  LIMIT 1);

CREATE INDEX deputy_county ON deputy (county_id);
