-- Version 18 (issue 17): the outbox of notifications. Portable SQL, as V1.
--
-- A feature inserts a row in the same transaction as the step that causes it (a case forwarded,
-- answered, a booking confirmed); one hub at a time, under the jobs' lease, sends what is due and
-- records the outcome. A message is sent at least once: a hub that stops between sending and
-- recording sends it again on the next round.
CREATE TABLE notification (
  id              TEXT PRIMARY KEY,
  county_id       TEXT NOT NULL REFERENCES county (id),
  -- EMAIL or SMS (liaison.hub.notify.Channel)
  channel         TEXT NOT NULL,
  -- an e-mail address or a mobile number; '' once erased with the resident's contact
  recipient       TEXT NOT NULL,
  -- what it is about, e.g. case-forwarded, case-due-soon, case-overdue, case-escalated,
  -- case-answered, booking-confirmed, booking-cancelled (liaison.hub.notify.Notification)
  kind            TEXT NOT NULL,
  -- an e-mail's subject and text
  subject         TEXT NOT NULL DEFAULT '',
  body            TEXT NOT NULL DEFAULT '',
  -- an SMS: the hub's template name and its parameters (a JSON object of strings)
  template        TEXT NOT NULL DEFAULT '',
  params          TEXT NOT NULL DEFAULT '{}',
  -- the link in the message that stops such messages to this recipient, if any
  unsubscribe     TEXT,
  case_id         TEXT REFERENCES opinion_case (id) ON DELETE CASCADE,
  booking_id      TEXT REFERENCES reception_booking (id) ON DELETE CASCADE,
  -- at most one message per key (e.g. the reminder for one case and one deadline): a scheduled
  -- job that runs twice, or on two hubs, enqueues it once. NULL: no such limit.
  once_key        TEXT UNIQUE,
  -- PENDING (to send, maybe again after a failure), SENT, GIVEN_UP
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  -- the last failure's reason as the channel gave it; the provider's reference once sent
  last_error      TEXT NOT NULL DEFAULT '',
  reference       TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  sent_at         TEXT
);
CREATE INDEX notification_due ON notification (status, next_attempt_at);
CREATE INDEX notification_case ON notification (case_id);
CREATE INDEX notification_booking ON notification (booking_id);
CREATE INDEX notification_county ON notification (county_id, created_at);
