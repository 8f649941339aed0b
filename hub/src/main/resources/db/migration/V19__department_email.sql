-- Version 19 (issue 17): where a department's notifications go. Portable SQL, as V1.
--
-- One or more addresses, stored as typed and checked, separated by ', ' (liaison.hub.department.
-- DepartmentService); '' when the department has none: nothing is enqueued for it, and the case page
-- says so.
ALTER TABLE department ADD COLUMN email TEXT NOT NULL DEFAULT '';
