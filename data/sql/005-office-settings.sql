-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 5: settings that belong to the office, not to one account. The
-- thresholds that turn a deadline yellow decide which alerts exist, so
-- everyone who scans the office, in the application or the command line,
-- must use the same ones. Absent keys take their defaults.
CREATE TABLE office_settings (
  key    TEXT PRIMARY KEY CHECK (key IN ('yellow-days', 'yellow-share')),
  value  INTEGER NOT NULL,
  CHECK (key <> 'yellow-days' OR value BETWEEN 0 AND 30),
  CHECK (key <> 'yellow-share' OR value BETWEEN 0 AND 100)
);
