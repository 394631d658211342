-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 4: electronic supervision.
-- A deadline keeps what it was counted from and how many working days,
-- so a scan can tell how much of the time limit is used and the monitoring
-- pane can spell the arithmetic out. Indexes serve the scan's lookups.
ALTER TABLE deadlines ADD COLUMN start_on TEXT;
ALTER TABLE deadlines ADD COLUMN days INTEGER NOT NULL DEFAULT 0;
CREATE INDEX petitions_department ON petitions (department_id, received_on);
CREATE INDEX supervision_orders_alert ON supervision_orders (alert_id);
CREATE INDEX alerts_department ON alerts (department_id, state);
CREATE INDEX review_requests_item ON review_requests (item_id, kind);
-- The open alerts by their key, read without touching the table.
CREATE INDEX alerts_state_key ON alerts (state, rule, subject, subject_id, level);
