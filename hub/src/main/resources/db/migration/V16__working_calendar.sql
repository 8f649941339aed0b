-- Version 16 (issue 17): the working-day calendar (工作日历). Portable SQL, as V1.
-- A day is a working day when it is Monday to Friday, unless a row here says otherwise: OFF (放假)
-- makes it a day off even on a weekday, WORK (调休上班) a working day even on a weekend.

-- The State Council's table (国务院办公厅关于部分节假日安排的通知), the same for every county. Filled
-- when a hub starts, from the table built into it (liaison/hub/calendar/national-holidays.csv),
-- never edited on the hub: a county's own rows below take precedence over it.
CREATE TABLE national_calendar_day (
  -- 'YYYY-MM-DD'
  day  TEXT PRIMARY KEY,
  -- OFF or WORK (liaison.hub.calendar.DayKind)
  kind TEXT NOT NULL,
  -- the holiday's name (元旦, 春节…); for a WORK day, the holiday it makes up for
  name TEXT NOT NULL
);

-- A county's own days: the next year's notice entered before a hub release carries it, or a local
-- day (a county-level holiday). Where a county has a row for a day, it is the county's answer.
CREATE TABLE county_calendar_day (
  county_id  TEXT NOT NULL REFERENCES county (id),
  day        TEXT NOT NULL,
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  -- the staff account that entered it
  changed_by TEXT NOT NULL,
  PRIMARY KEY (county_id, day)
);
