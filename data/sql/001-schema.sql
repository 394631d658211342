-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 1: the whole domain of DESIGN.md. Dates are civil dates written
-- YYYY-MM-DD (checked by date(x, '+0 days') = x, which also refuses 02-30); enumerations are checked lists of
-- stable English keys that the programs translate for display.
-- Every table but audit_log and deadlines is a business table: migrations
-- give each one audit triggers (po-audit.c), so no write escapes the trace.

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  name        TEXT NOT NULL UNIQUE CHECK (length (name) > 0),
  level       TEXT NOT NULL DEFAULT 'city' CHECK (level IN ('city', 'county')),
  region      TEXT NOT NULL DEFAULT '',
  parent_id   INTEGER REFERENCES departments (id),
  phone       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE posts (
  id            INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length (name) > 0),
  duty          TEXT NOT NULL DEFAULT '',
  UNIQUE (department_id, name)
);

CREATE TABLE power_items (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 64),
  name                TEXT NOT NULL CHECK (length (name) > 0),
  type                TEXT NOT NULL CHECK (type IN ('license', 'other-approval', 'penalty',
                                                    'confirmation', 'payment', 'adjudication',
                                                    'levy', 'coercion', 'other')),
  department_id       INTEGER NOT NULL REFERENCES departments (id),
  status              TEXT NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'in-review', 'approved', 'published',
                                        'adjusting', 'abolished')),
  basis_law           TEXT NOT NULL DEFAULT '',
  basis_article       TEXT NOT NULL DEFAULT '',
  basis_text          TEXT NOT NULL DEFAULT '',
  fee_basis           TEXT NOT NULL DEFAULT '',
  fee_standard        TEXT NOT NULL DEFAULT '',
  statutory_limit     INTEGER CHECK (statutory_limit IS NULL OR statutory_limit > 0),
  committed_limit     INTEGER CHECK (committed_limit IS NULL OR committed_limit > 0),
  handling_unit       TEXT NOT NULL DEFAULT '',
  place               TEXT NOT NULL DEFAULT '',
  phone               TEXT NOT NULL DEFAULT '',
  supervision_phone   TEXT NOT NULL DEFAULT '',
  notes               TEXT NOT NULL DEFAULT '',
  created_on          TEXT NOT NULL CHECK (date (created_on, '+0 days') = created_on),
  published_version   INTEGER,
  CHECK (committed_limit IS NULL OR statutory_limit IS NULL OR committed_limit <= statutory_limit)
);
CREATE INDEX power_items_department ON power_items (department_id);
CREATE INDEX power_items_status ON power_items (status, type);

-- Every published version is kept, whole, as JSON of the item's public fields.
CREATE TABLE power_item_versions (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES power_items (id),
  version       INTEGER NOT NULL CHECK (version > 0),
  published_on  TEXT NOT NULL CHECK (date (published_on, '+0 days') = published_on),
  review_id     INTEGER REFERENCES review_requests (id),
  content       TEXT NOT NULL CHECK (json_valid (content)),
  UNIQUE (item_id, version)
);

CREATE TABLE review_requests (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('create', 'modify', 'abolish',
                                                'discretion', 'flowchart')),
  item_id         INTEGER REFERENCES power_items (id),
  department_id   INTEGER NOT NULL REFERENCES departments (id),
  title           TEXT NOT NULL CHECK (length (title) > 0),
  proposal        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (proposal)),
  legal_basis     TEXT NOT NULL DEFAULT '',
  effective_on    TEXT CHECK (effective_on IS NULL OR date (effective_on, '+0 days') = effective_on),
  filed_on        TEXT NOT NULL CHECK (date (filed_on, '+0 days') = filed_on),
  received_on     TEXT NOT NULL CHECK (date (received_on, '+0 days') = received_on),
  state           TEXT NOT NULL DEFAULT 'open'
                  CHECK (state IN ('open', 'approved', 'approved-with-changes',
                                   'returned', 'rejected', 'withdrawn')),
  opinion         TEXT NOT NULL DEFAULT '',
  reviewer        TEXT NOT NULL DEFAULT '',
  decided_on      TEXT CHECK (decided_on IS NULL OR date (decided_on, '+0 days') = decided_on),
  CHECK (received_on >= filed_on),
  CHECK (decided_on IS NULL OR decided_on >= received_on)
);
CREATE INDEX review_requests_state ON review_requests (state, received_on);

CREATE TABLE discretion_benchmarks (
  id                  INTEGER PRIMARY KEY,
  item_id             INTEGER NOT NULL REFERENCES power_items (id) ON DELETE CASCADE,
  violation           TEXT NOT NULL CHECK (length (violation) > 0),
  defining_provision  TEXT NOT NULL DEFAULT '',
  penalty_provision   TEXT NOT NULL DEFAULT '',
  unit                TEXT NOT NULL DEFAULT 'yuan'
                      CHECK (unit IN ('yuan', 'times-gains', 'times-value')),
  range_min           REAL CHECK (range_min IS NULL OR range_min >= 0),
  range_max           REAL CHECK (range_max IS NULL OR range_max >= 0),
  other_sanctions     TEXT NOT NULL DEFAULT '',
  factor_purpose      TEXT NOT NULL DEFAULT '',
  factor_regional     TEXT NOT NULL DEFAULT '',
  factor_facts        TEXT NOT NULL DEFAULT '',
  factor_other        TEXT NOT NULL DEFAULT '',
  CHECK (range_min IS NULL OR range_max IS NULL OR range_min <= range_max)
);
CREATE INDEX discretion_benchmarks_item ON discretion_benchmarks (item_id);

CREATE TABLE discretion_tiers (
  id              INTEGER PRIMARY KEY,
  benchmark_id    INTEGER NOT NULL REFERENCES discretion_benchmarks (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  name            TEXT NOT NULL CHECK (length (name) > 0),
  circumstances   TEXT NOT NULL DEFAULT '',
  fine_min        REAL,
  fine_max        REAL,
  other_sanctions TEXT NOT NULL DEFAULT '',
  UNIQUE (benchmark_id, position)
);

CREATE TABLE flowcharts (
  id        INTEGER PRIMARY KEY,
  item_id   INTEGER NOT NULL REFERENCES power_items (id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('external', 'internal')),
  version   INTEGER NOT NULL DEFAULT 1,
  UNIQUE (item_id, kind)
);

CREATE TABLE flow_nodes (
  id                INTEGER PRIMARY KEY,
  flowchart_id      INTEGER NOT NULL REFERENCES flowcharts (id) ON DELETE CASCADE,
  kind              TEXT NOT NULL CHECK (kind IN ('start', 'step', 'decision', 'end')),
  label             TEXT NOT NULL DEFAULT '',
  post_id           INTEGER REFERENCES posts (id),
  duty              TEXT NOT NULL DEFAULT '',
  time_limit        INTEGER CHECK (time_limit IS NULL OR time_limit >= 0),
  external_node_id  INTEGER REFERENCES flow_nodes (id)
);
CREATE INDEX flow_nodes_chart ON flow_nodes (flowchart_id);

CREATE TABLE flow_edges (
  id            INTEGER PRIMARY KEY,
  flowchart_id  INTEGER NOT NULL REFERENCES flowcharts (id) ON DELETE CASCADE,
  from_node     INTEGER NOT NULL REFERENCES flow_nodes (id) ON DELETE CASCADE,
  to_node       INTEGER NOT NULL REFERENCES flow_nodes (id) ON DELETE CASCADE,
  label         TEXT NOT NULL DEFAULT '',
  is_return     INTEGER NOT NULL DEFAULT 0 CHECK (is_return IN (0, 1))
);
CREATE INDEX flow_edges_chart ON flow_edges (flowchart_id);

CREATE TABLE cases (
  id              INTEGER PRIMARY KEY,
  case_ref        TEXT NOT NULL CHECK (length (case_ref) > 0),
  department_id   INTEGER NOT NULL REFERENCES departments (id),
  item_code       TEXT NOT NULL,
  item_id         INTEGER REFERENCES power_items (id),
  onsite_on       TEXT CHECK (onsite_on IS NULL OR date (onsite_on, '+0 days') = onsite_on),
  entered_on      TEXT CHECK (entered_on IS NULL OR date (entered_on, '+0 days') = entered_on),
  accepted_on     TEXT CHECK (accepted_on IS NULL OR date (accepted_on, '+0 days') = accepted_on),
  decided_on      TEXT CHECK (decided_on IS NULL OR date (decided_on, '+0 days') = decided_on),
  reported_on     TEXT CHECK (reported_on IS NULL OR date (reported_on, '+0 days') = reported_on),
  closed_on       TEXT CHECK (closed_on IS NULL OR date (closed_on, '+0 days') = closed_on),
  fine_yuan       REAL CHECK (fine_yuan IS NULL OR fine_yuan >= 0),
  tier            TEXT NOT NULL DEFAULT '',
  steps           TEXT NOT NULL DEFAULT '',
  UNIQUE (department_id, case_ref)
);
CREATE INDEX cases_item ON cases (item_id);

-- Time the law excludes (行政许可法 第四十五条) and approved extensions.
CREATE TABLE case_suspensions (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('hearing', 'testing', 'inspection', 'appraisal',
                                          'expert-review', 'correction', 'extension')),
  start_on  TEXT NOT NULL CHECK (date (start_on, '+0 days') = start_on),
  end_on    TEXT CHECK (end_on IS NULL OR date (end_on, '+0 days') = end_on),
  days      INTEGER CHECK (days IS NULL OR days > 0),
  reason    TEXT NOT NULL DEFAULT '',
  CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE INDEX case_suspensions_case ON case_suspensions (case_id);

CREATE TABLE petitions (
  id              INTEGER PRIMARY KEY,
  ref             TEXT NOT NULL CHECK (length (ref) > 0),
  kind            TEXT NOT NULL CHECK (kind IN ('consultation', 'complaint')),
  department_id   INTEGER NOT NULL REFERENCES departments (id),
  received_on     TEXT NOT NULL CHECK (date (received_on, '+0 days') = received_on),
  replied_on      TEXT CHECK (replied_on IS NULL OR date (replied_on, '+0 days') = replied_on),
  subject         TEXT NOT NULL DEFAULT '',
  channel         TEXT NOT NULL DEFAULT '',
  assignee        TEXT NOT NULL DEFAULT '',
  answer          TEXT NOT NULL DEFAULT '',
  closed_on       TEXT CHECK (closed_on IS NULL OR date (closed_on, '+0 days') = closed_on),
  UNIQUE (department_id, ref),
  CHECK (replied_on IS NULL OR replied_on >= received_on)
);

CREATE TABLE alerts (
  id                  INTEGER PRIMARY KEY,
  rule                TEXT NOT NULL CHECK (rule IN ('late-entry', 'late-report', 'overdue-case',
                                                    'overdue-consultation', 'overdue-complaint',
                                                    'process-deviation', 'discretion-breach',
                                                    'unapproved-item', 'incomplete-record',
                                                    'late-filing', 'overdue-review',
                                                    'overdue-order')),
  level               TEXT NOT NULL CHECK (level IN ('yellow', 'red')),
  subject             TEXT NOT NULL CHECK (subject IN ('case', 'petition', 'review', 'order')),
  subject_id          INTEGER NOT NULL,
  department_id       INTEGER REFERENCES departments (id),
  due_on              TEXT CHECK (due_on IS NULL OR date (due_on, '+0 days') = due_on),
  working_days_over   INTEGER NOT NULL DEFAULT 0,
  state               TEXT NOT NULL DEFAULT 'open'
                      CHECK (state IN ('open', 'explained', 'ordered', 'closed',
                                       'resolved', 'superseded')),
  raised_on           TEXT NOT NULL CHECK (date (raised_on, '+0 days') = raised_on),
  updated_on          TEXT NOT NULL CHECK (date (updated_on, '+0 days') = updated_on),
  explanation         TEXT NOT NULL DEFAULT '',
  close_reason        TEXT NOT NULL DEFAULT '',
  superseded_by       INTEGER REFERENCES alerts (id)
);
CREATE INDEX alerts_open ON alerts (state, level, department_id);
CREATE INDEX alerts_subject ON alerts (rule, subject, subject_id);

CREATE TABLE supervision_orders (
  id              INTEGER PRIMARY KEY,
  alert_id        INTEGER REFERENCES alerts (id),
  department_id   INTEGER NOT NULL REFERENCES departments (id),
  issued_on       TEXT NOT NULL CHECK (date (issued_on, '+0 days') = issued_on),
  limit_days      INTEGER NOT NULL CHECK (limit_days > 0),
  demand          TEXT NOT NULL DEFAULT '',
  answered_on     TEXT CHECK (answered_on IS NULL OR date (answered_on, '+0 days') = answered_on),
  answer          TEXT NOT NULL DEFAULT ''
);

-- Section 十一 of the regulation: violation types 1.1 … 3.3.
CREATE TABLE accountability_records (
  id              INTEGER PRIMARY KEY,
  department_id   INTEGER NOT NULL REFERENCES departments (id),
  person          TEXT NOT NULL DEFAULT '',
  violation       TEXT NOT NULL CHECK (violation IN ('1.1', '1.2', '1.3', '1.4', '1.5',
                                                     '2.1', '2.2', '2.3', '2.4', '2.5',
                                                     '2.6', '2.7', '3.1', '3.2', '3.3')),
  action          TEXT NOT NULL CHECK (action IN ('notice-of-criticism', 'efficiency-warning',
                                                  'rectify-within-deadline',
                                                  'suspend-certificate', 'revoke-certificate',
                                                  'refer-discipline', 'refer-judiciary')),
  decided_on      TEXT NOT NULL CHECK (date (decided_on, '+0 days') = decided_on),
  rectify_due_on  TEXT CHECK (rectify_due_on IS NULL OR date (rectify_due_on, '+0 days') = rectify_due_on),
  rectified_on    TEXT CHECK (rectified_on IS NULL OR date (rectified_on, '+0 days') = rectified_on),
  alert_id        INTEGER REFERENCES alerts (id),
  notes           TEXT NOT NULL DEFAULT ''
);

-- The working-day calendar: exceptions over the Monday–Friday rule, and
-- the years whose schedule the State Council has published.
CREATE TABLE calendar_years (
  id      INTEGER PRIMARY KEY,
  year    INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2004 AND 9999),
  source  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE calendar_exceptions (
  id      INTEGER PRIMARY KEY,
  day     TEXT NOT NULL UNIQUE CHECK (date (day, '+0 days') = day),
  year    INTEGER NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
  kind    TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name    TEXT NOT NULL DEFAULT ''
);

-- Derived data, not audited: every deadline computed once from audited
-- rows and the calendar, recomputed when the calendar changes.
CREATE TABLE deadlines (
  subject       TEXT NOT NULL CHECK (subject IN ('case', 'petition', 'review', 'order')),
  subject_id    INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  due_on        TEXT NOT NULL CHECK (date (due_on, '+0 days') = due_on),
  provisional   INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
  PRIMARY KEY (subject, subject_id, kind)
) WITHOUT ROWID;
CREATE INDEX deadlines_due ON deadlines (kind, due_on);

-- 全程留痕: append-only and hash-chained (see po-audit.c).
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  tbl         TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
  before      TEXT,
  after       TEXT,
  prev_hash   TEXT,
  hash        TEXT
);
CREATE INDEX audit_log_row ON audit_log (tbl, row_id, seq);
