-- Version 29 (issue 20, signage media): the managers' own posters, videos and documents, kept by
-- hash, scheduled as slides with targets like notices, and what the stations report of them.
-- Portable SQL, as V1; times are ISO-8601 text.

-- A file the library keeps under the data directory's media/ folder, named by the SHA-256 of its
-- bytes: what a station downloads (an image, a video, a document's page) and the thumbnails.
CREATE TABLE media_file (
  sha256       TEXT PRIMARY KEY,
  size         BIGINT NOT NULL,
  -- image/jpeg, image/png or video/mp4
  content_type TEXT NOT NULL,
  width        INTEGER NOT NULL,
  height       INTEGER NOT NULL,
  -- a video's length; 0 for an image
  duration_ms  BIGINT NOT NULL,
  created_at   TEXT NOT NULL
);

-- An upload as the manager sees it in a library: a poster, a video, a document.
CREATE TABLE media_item (
  id            TEXT PRIMARY KEY,
  -- NULL for the county's library, shared by every station; else the station's own
  station_id    TEXT REFERENCES station (id) ON DELETE CASCADE,
  -- IMAGE, VIDEO or DOCUMENT
  kind          TEXT NOT NULL,
  title         TEXT NOT NULL,
  -- the name the file was uploaded under, and the hash and size of the bytes uploaded (a WebP or a
  -- PDF is kept as what it became), so the same upload again is recognised
  file_name     TEXT NOT NULL,
  upload_sha256 TEXT NOT NULL,
  upload_size   BIGINT NOT NULL,
  thumbnail     TEXT NOT NULL REFERENCES media_file (sha256),
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL,
  -- set when taken out of the library (its slides stop); kept for the proofs that name it
  retired_at    TEXT
);
CREATE INDEX media_item_library ON media_item (station_id, uploaded_at);
CREATE INDEX media_item_upload ON media_item (upload_sha256);

-- The files an item plays, in order: one for an image or a video, one per page for a document.
CREATE TABLE media_item_file (
  item_id  TEXT NOT NULL REFERENCES media_item (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  sha256   TEXT NOT NULL REFERENCES media_file (sha256),
  PRIMARY KEY (item_id, position)
);
CREATE INDEX media_item_file_sha256 ON media_item_file (sha256);

-- An item scheduled on screens: for how long each time, from when until when, where (as a notice:
-- ALL stations of the county, one TOWNSHIP, or the STATIONS listed), and in which order.
CREATE TABLE media_slide (
  id          TEXT PRIMARY KEY,
  item_id     TEXT NOT NULL REFERENCES media_item (id) ON DELETE CASCADE,
  seconds     INTEGER NOT NULL,
  valid_from  TEXT NOT NULL,
  valid_until TEXT,
  target      TEXT NOT NULL,
  township_id TEXT REFERENCES township (id),
  position    INTEGER NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX media_slide_item ON media_slide (item_id);

CREATE TABLE media_slide_station (
  slide_id   TEXT NOT NULL REFERENCES media_slide (id) ON DELETE CASCADE,
  station_id TEXT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  PRIMARY KEY (slide_id, station_id)
);
CREATE INDEX media_slide_station_station ON media_slide_station (station_id);

-- Windows of the day (HH:MM, the station's zone) a slide plays in; none for all day.
CREATE TABLE media_slide_daypart (
  slide_id   TEXT NOT NULL REFERENCES media_slide (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  from_time  TEXT NOT NULL,
  until_time TEXT NOT NULL,
  PRIMARY KEY (slide_id, position)
);

-- Proof of display of slides: each media.displayed event a station sent, written in the same
-- transaction as the event (as notice_display, V10).
CREATE TABLE media_display (
  station_id  TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  slide_id    TEXT NOT NULL REFERENCES media_slide (id) ON DELETE CASCADE,
  shown_from  TEXT NOT NULL,
  shown_until TEXT NOT NULL,
  seconds     INTEGER NOT NULL,
  shown_day   TEXT NOT NULL,
  PRIMARY KEY (station_id, event_id),
  FOREIGN KEY (station_id, event_id) REFERENCES station_event (station_id, event_id) ON DELETE CASCADE
);
CREATE INDEX media_display_by_slide ON media_display (slide_id, station_id, shown_day);

-- How loud a station plays a video (percent; 0, the default, is silent).
ALTER TABLE station ADD COLUMN media_volume INTEGER NOT NULL DEFAULT 0;

-- The station's media cache as its last heartbeat told it (StationState.Telemetry.media).
ALTER TABLE station_state ADD COLUMN media_used_bytes BIGINT;
ALTER TABLE station_state ADD COLUMN media_limit_bytes BIGINT;
ALTER TABLE station_state ADD COLUMN media_ready INTEGER;
ALTER TABLE station_state ADD COLUMN media_waiting INTEGER;
ALTER TABLE station_state ADD COLUMN media_failed INTEGER;
