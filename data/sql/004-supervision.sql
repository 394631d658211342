-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 4: electronic supervision.
-- A deadline keeps what it was counted from and how many working days,
-- so a scan can tell how much of the time limit is used and the monitoring
-- pane can spell the arithmetic out. Deadlines are kept by subject, kind
-- and row: a rule reads one kind in row order, and an import appends.
-- Derived data: the migration computes them all again.
DROP INDEX IF EXISTS deadlines_due;
DROP TABLE deadlines;
CREATE TABLE deadlines (
  subject       TEXT NOT NULL CHECK (subject IN ('case', 'petition', 'review', 'order')),
  subject_id    INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  due_on        TEXT NOT NULL CHECK (date (due_on, '+0 days') = due_on),
  provisional   INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
  start_on      TEXT,
  days          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (subject, kind, subject_id)
) WITHOUT ROWID;
CREATE INDEX petitions_department ON petitions (department_id, received_on);
CREATE INDEX supervision_orders_alert ON supervision_orders (alert_id);
CREATE INDEX alerts_department ON alerts (department_id, state);
CREATE INDEX review_requests_item ON review_requests (item_id, kind);
-- The open alerts by their key, read without touching the table.
CREATE INDEX alerts_state_key ON alerts (state, rule, subject, subject_id, level);
