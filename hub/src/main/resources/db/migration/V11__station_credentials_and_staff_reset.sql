-- Version 11 (issue 8): each station's MQTT credential and the enrolment codes screens ask for;
-- staff passwords an administrator reset. Portable SQL as in V1.

-- One credential per station: the PBKDF2 hash (Mosquitto's $7$ form) of the password its screen made
-- for itself. A revoked credential keeps its row, with who revoked it when, so the station's page can
-- say so; a new enrolment replaces the hash and clears the revocation.
CREATE TABLE station_credential (
  station_id    TEXT PRIMARY KEY REFERENCES station (id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  code          TEXT NOT NULL,
  app_version   TEXT NOT NULL,
  enrolled_at   TEXT NOT NULL,
  enrolled_by   TEXT NOT NULL,
  revoked_at    TEXT,
  revoked_by    TEXT
);

-- A code a screen showed while it waited (K7QX-M4PD), the station it was set up as (not a foreign
-- key: a screen may name a station that does not exist yet) and its password hash. Used once, then
-- kept a day so that a second use is refused as reused rather than unknown.
CREATE TABLE station_enrolment (
  code           TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  password_hash  TEXT NOT NULL,
  app_version    TEXT NOT NULL,
  requested_at   TEXT NOT NULL,
  requested_from TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  used_at        TEXT,
  used_by        TEXT
);
CREATE INDEX station_enrolment_by_station ON station_enrolment (station_id, requested_at);

-- After an administrator resets a password, the account must choose its own at the next log-in.
ALTER TABLE staff_account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
