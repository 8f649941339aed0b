-- Version 10: signage (issue 7). Portable SQL, as V1.
--
-- A station's playlist as the hub sets it. A station without a row here plays the defaults
-- (Playlist.DEFAULT), and its snapshot carries no playlist.
CREATE TABLE station_playlist (
  station_id TEXT PRIMARY KEY REFERENCES station (id) ON DELETE CASCADE,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- Its dayparts: windows of the day ('HH:MM', Asia/Shanghai) with entries of their own; a window
-- whose end is before its start runs past midnight. Numbered from 1 in the order staff gave them.
CREATE TABLE station_playlist_daypart (
  station_id TEXT NOT NULL REFERENCES station_playlist (station_id) ON DELETE CASCADE,
  daypart    INTEGER NOT NULL,
  from_time  TEXT NOT NULL,
  until_time TEXT NOT NULL,
  PRIMARY KEY (station_id, daypart)
);

-- Its entries in playing order: daypart 0 holds the main entries, daypart n those of the n-th
-- daypart. The board is kept as named (a Board of the protocol), the seconds as checked (3–600).
CREATE TABLE station_playlist_entry (
  station_id TEXT NOT NULL REFERENCES station_playlist (station_id) ON DELETE CASCADE,
  daypart    INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  board      TEXT NOT NULL,
  seconds    INTEGER NOT NULL,
  PRIMARY KEY (station_id, daypart, position)
);

-- Proof of display: each notice.displayed event a station sent, checked and written in the same
-- transaction as the event itself, so a replayed event adds nothing and a refused one nothing at
-- all. Instants as in V1 (+08:00, whole seconds); shown_day is the day of shown_from in
-- Asia/Shanghai, for counts per day.
CREATE TABLE notice_display (
  station_id  TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  notice_id   TEXT NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
  -- LOOP, URGENT_INTERRUPT or EMERGENCY_HOLD
  kind        TEXT NOT NULL,
  board       TEXT NOT NULL,
  shown_from  TEXT NOT NULL,
  shown_until TEXT NOT NULL,
  seconds     INTEGER NOT NULL,
  shown_day   TEXT NOT NULL,
  PRIMARY KEY (station_id, event_id),
  FOREIGN KEY (station_id, event_id) REFERENCES station_event (station_id, event_id) ON DELETE CASCADE
);
CREATE INDEX notice_display_by_notice ON notice_display (notice_id, station_id, shown_day);
