-- Version 35 (issue 22, the soak): a notice's delivery receipts kept as one row per station and
-- notice. Until now they were worked out from every version each station was ever published
-- (publication_notice, a row per notice per version) joined with every version it reported shown
-- (station_version_shown): at a county-wide notice a minute, 1,000 stations added some 14 million
-- rows a day that nothing pruned. Now the first report of a version on screen writes the receipts
-- of the notices that version carried, and the rows of that version and the ones before it go.
-- Portable SQL, as the others.
CREATE TABLE notice_receipt (
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  notice_id  TEXT NOT NULL,
  shown_at   TEXT NOT NULL,
  PRIMARY KEY (station_id, notice_id)
);
CREATE INDEX notice_receipt_notice ON notice_receipt (notice_id);

-- The receipts so far, as the old join gave them: the earliest report of a version carrying it.
INSERT INTO notice_receipt (station_id, notice_id, shown_at)
SELECT pn.station_id, pn.notice_id, MIN(v.shown_at)
  FROM publication_notice pn
  JOIN station_version_shown v ON v.station_id = pn.station_id AND v.version = pn.version
 GROUP BY pn.station_id, pn.notice_id;

-- What a version shown (or a later one) carried is in the receipts now.
DELETE FROM publication_notice
 WHERE EXISTS (SELECT 1 FROM station_version_shown v
                WHERE v.station_id = publication_notice.station_id
                  AND v.version >= publication_notice.version);

-- Only each station's newest version shown is needed to tell a new one.
DELETE FROM station_version_shown
 WHERE version < (SELECT MAX(m.version) FROM station_version_shown m
                   WHERE m.station_id = station_version_shown.station_id);
