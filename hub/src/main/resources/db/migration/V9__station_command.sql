-- Version 9: remote commands sent to stations (issue 6), each with its answer. A screenshot's
-- one-time upload token is kept only as its SHA-256 and cleared once used; the PNG itself lies under
-- <data-dir>/screenshots/<sha256>.png.
CREATE TABLE station_command (
  id                 TEXT PRIMARY KEY,
  station_id         TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  name               TEXT NOT NULL,
  issued_by          TEXT NOT NULL,
  issued_at          TEXT NOT NULL,
  expires_at         TEXT NOT NULL,
  status             TEXT NOT NULL,
  message            TEXT,
  message_en         TEXT,
  answered_at        TEXT,
  screenshot_hash    TEXT,
  upload_token_sha256 TEXT UNIQUE
);
CREATE INDEX station_command_by_station ON station_command (station_id, issued_at);
