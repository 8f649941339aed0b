-- Version 20 (issue 17): residents are told by SMS when they asked to be. Portable SQL, as V1.
--
-- The tick "text me" beside a phone the resident left with their opinion, or with their booking.
-- Unticked by default: only an explicit tick sends anything.
ALTER TABLE case_contact ADD COLUMN notify_sms BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE reception_booking ADD COLUMN notify_sms BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per mobile number the hub has ever texted: the stop link every message to it carries
-- ('/n/<token>') and, once the resident used it, when they stopped. Keyed by a keyed hash of the
-- number (HMAC-SHA256, liaison.hub.notify.SmsStops), never the number itself, so the stop outlives
-- the contact's deletion without keeping the phone: the outbox enqueues no SMS to a stopped
-- number. The masked number is what the stop page shows ("138****1234").
CREATE TABLE sms_stop (
  phone_hash   TEXT PRIMARY KEY,
  token        TEXT NOT NULL UNIQUE,
  masked_phone TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  -- NULL: messages go out; set by the stop page's POST, cleared by a new explicit tick
  stopped_at   TEXT
);

-- The key of those hashes when hub.privacy.phone-key is not set: made by the first hub that needs
-- it and shared through the database, so every hub of a county hashes a number the same way.
CREATE TABLE phone_key (
  -- what the key is for: 'sms-stop'
  purpose    TEXT PRIMARY KEY,
  secret     TEXT NOT NULL,
  created_at TEXT NOT NULL
);
