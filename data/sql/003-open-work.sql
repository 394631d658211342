-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 3: what is still open is found without reading what is done.
-- The overview and the supervision scan ask for undecided cases,
-- unanswered petitions and open requests; done ones are the vast majority.
CREATE INDEX cases_undecided ON cases (id) WHERE decided_on IS NULL;
CREATE INDEX petitions_unreplied ON petitions (id) WHERE replied_on IS NULL;
CREATE INDEX review_requests_open ON review_requests (id) WHERE state = 'open';
