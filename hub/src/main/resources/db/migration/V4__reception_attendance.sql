-- Version 4: which on-duty deputies the station's staff marked as arrived (签到) at a reception.
-- A row means "present"; undoing the mark deletes it. Portable SQL as in V1.

CREATE TABLE reception_attendance (
  slot_id   TEXT NOT NULL REFERENCES reception_slot (id) ON DELETE CASCADE,
  deputy_id TEXT NOT NULL REFERENCES deputy (id) ON DELETE CASCADE,
  marked_at TEXT NOT NULL,
  -- the staff account that marked it
  marked_by TEXT NOT NULL,
  PRIMARY KEY (slot_id, deputy_id)
);
