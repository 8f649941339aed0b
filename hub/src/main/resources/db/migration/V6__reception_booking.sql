-- Version 6: residents book a place at an announced reception (预约接待). Portable SQL as in V1.

-- How many people a reception takes by booking; NULL: it takes no bookings (walk in).
ALTER TABLE reception_slot ADD COLUMN capacity INTEGER;

-- One booking: a code the resident keeps, their contact details (personal data: shown masked in
-- lists, erased some days after the reception), how many come, what about.
CREATE TABLE reception_booking (
  id           TEXT PRIMARY KEY,
  slot_id      TEXT NOT NULL REFERENCES reception_slot (id) ON DELETE CASCADE,
  -- B-7KQ4-M9XD: no 0/O/1/I/L, so it can be read out over the phone
  code         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  phone        TEXT NOT NULL,
  party_size   INTEGER NOT NULL DEFAULT 1,
  topic        TEXT,
  -- BOOKED or CANCELLED; only BOOKED counts against the capacity
  status       TEXT NOT NULL,
  booked_at    TEXT NOT NULL,
  cancelled_at TEXT,
  -- when the name, phone and topic were erased after the retention period
  erased_at    TEXT
);
CREATE INDEX reception_booking_slot ON reception_booking (slot_id, status);
