-- Read models from intake's events: minimum identity (PatientRegistered) and consents (42 CFR Part 2 §2.31).
CREATE TABLE patient_identity
(
  patient_id            UUID PRIMARY KEY,
  mrn                   TEXT        NOT NULL,
  given_name            TEXT        NOT NULL,
  family_name           TEXT        NOT NULL,
  date_of_birth         DATE        NOT NULL,
  administrative_gender TEXT,
  registered_at_site    TEXT        NOT NULL,
  version               BIGINT      NOT NULL
);

CREATE TABLE consent
(
  consent_id      UUID PRIMARY KEY,
  patient_id      UUID        NOT NULL,
  site            TEXT        NOT NULL,
  recipient_type  TEXT        NOT NULL,
  recipient       TEXT        NOT NULL,
  purpose         TEXT        NOT NULL,
  data_categories TEXT[]      NOT NULL,
  signed_on       DATE        NOT NULL,
  expires_at      TIMESTAMPTZ,
  granted_at      TIMESTAMPTZ NOT NULL,
  received_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX consent_by_patient_recipient ON consent (patient_id, recipient);

-- Kept apart from consent so that a revocation arriving before its grant (an out-of-order resend) still wins.
CREATE TABLE consent_revocation
(
  consent_id  UUID PRIMARY KEY,
  patient_id  UUID        NOT NULL,
  revoked_at  TIMESTAMPTZ NOT NULL,
  received_at TIMESTAMPTZ NOT NULL
);

-- Aftercare plans: one per discharge episode (partial unique index), or opened by hand for an outpatient.
CREATE TABLE aftercare_plan
(
  id                  UUID PRIMARY KEY,
  patient_id          UUID        NOT NULL,
  site                TEXT        NOT NULL,
  episode_id          UUID,
  origin              TEXT        NOT NULL CHECK (origin IN ('DISCHARGE', 'OUTPATIENT')),
  counsellor          TEXT,
  starts_on           DATE        NOT NULL,
  medication_plan     TEXT        NOT NULL,
  receiving_prescriber TEXT,
  naloxone_status     TEXT        NOT NULL,
  overdose_education  BOOLEAN     NOT NULL,
  goals               TEXT[]      NOT NULL,
  relapse_prevention  TEXT[]      NOT NULL,
  status              TEXT        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
  relapse_count       INT         NOT NULL DEFAULT 0 CHECK (relapse_count >= 0),
  last_relapse_on     DATE,
  created_at          TIMESTAMPTZ NOT NULL,
  created_by          TEXT        NOT NULL,
  version             BIGINT      NOT NULL
);
CREATE UNIQUE INDEX aftercare_plan_one_per_episode ON aftercare_plan (episode_id) WHERE episode_id IS NOT NULL;
CREATE INDEX aftercare_plan_by_site_counsellor ON aftercare_plan (site, counsellor);
CREATE INDEX aftercare_plan_by_patient ON aftercare_plan (patient_id);

-- Individual counselling notes: apart from everything else, read only by counsellors of the patient's site.
CREATE TABLE counselling_note
(
  id         UUID PRIMARY KEY,
  plan_id    UUID        NOT NULL REFERENCES aftercare_plan (id),
  patient_id UUID        NOT NULL,
  site       TEXT        NOT NULL,
  text       TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  written_by TEXT        NOT NULL,
  written_at TIMESTAMPTZ NOT NULL,
  version    BIGINT      NOT NULL
);
CREATE INDEX counselling_note_by_plan ON counselling_note (plan_id, written_at);

-- Support groups with a recurring schedule, enrolment and sessions.
CREATE TABLE support_group
(
  id              UUID PRIMARY KEY,
  name            TEXT        NOT NULL,
  type            TEXT        NOT NULL CHECK (type IN ('NA_12_STEP', 'SMART_RECOVERY', 'CBT', 'FAMILY', 'OTHER')),
  site            TEXT        NOT NULL,
  partner_org     TEXT,
  facilitator     TEXT        NOT NULL,
  day_of_week     TEXT        NOT NULL,
  starts_at       TIME        NOT NULL,
  duration_minutes INT        NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
  every_weeks     INT         NOT NULL CHECK (every_weeks BETWEEN 1 AND 4),
  first_session_on DATE       NOT NULL,
  capacity        INT         NOT NULL CHECK (capacity BETWEEN 1 AND 200),
  created_at      TIMESTAMPTZ NOT NULL,
  version         BIGINT      NOT NULL
);

CREATE TABLE group_enrolment
(
  support_group UUID        NOT NULL REFERENCES support_group (id),
  patient_id    UUID        NOT NULL,
  plan_id       UUID        NOT NULL REFERENCES aftercare_plan (id),
  enrolled_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (support_group, patient_id)
);

CREATE TABLE group_session
(
  id         UUID PRIMARY KEY,
  group_id   UUID        NOT NULL REFERENCES support_group (id),
  site       TEXT        NOT NULL,
  held_on    DATE        NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  version    BIGINT      NOT NULL,
  UNIQUE (group_id, held_on)
);

CREATE TABLE session_attendance
(
  group_session UUID        NOT NULL REFERENCES group_session (id),
  patient_id    UUID        NOT NULL,
  status        TEXT        NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'EXCUSED')),
  recorded_by   TEXT        NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (group_session, patient_id)
);

-- Group notes are about the group, never about one person; kept apart from counselling notes.
CREATE TABLE group_note
(
  id         UUID PRIMARY KEY,
  session_id UUID        NOT NULL REFERENCES group_session (id),
  group_id   UUID        NOT NULL REFERENCES support_group (id),
  text       TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  written_by TEXT        NOT NULL,
  written_at TIMESTAMPTZ NOT NULL,
  version    BIGINT      NOT NULL
);

-- Contingency management: one ledger per plan, entries append-only.
CREATE TABLE contingency_ledger
(
  plan_id        UUID PRIMARY KEY REFERENCES aftercare_plan (id),
  patient_id     UUID        NOT NULL,
  site           TEXT        NOT NULL,
  streak         INT         NOT NULL CHECK (streak >= 0),
  earned_cents   INT         NOT NULL CHECK (earned_cents >= 0),
  redeemed_cents INT         NOT NULL CHECK (redeemed_cents >= 0),
  cap_cents      INT         NOT NULL CHECK (cap_cents >= 0),
  version        BIGINT      NOT NULL,
  CHECK (redeemed_cents <= earned_cents),
  CHECK (earned_cents <= cap_cents)
);

CREATE TABLE contingency_entry
(
  contingency_ledger UUID        NOT NULL REFERENCES contingency_ledger (plan_id),
  contingency_ledger_key INT     NOT NULL,
  kind               TEXT        NOT NULL CHECK (kind IN ('EARNED', 'RESET', 'REDEEMED')),
  behaviour          TEXT,
  occurred_on        DATE        NOT NULL,
  amount_cents       INT         NOT NULL CHECK (amount_cents >= 0),
  streak_after       INT         NOT NULL,
  recorded_by        TEXT        NOT NULL,
  recorded_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (contingency_ledger, contingency_ledger_key)
);

-- Recovery check-ins and the follow-up tasks raised when one is missed.
CREATE TABLE check_in
(
  id                 UUID PRIMARY KEY,
  plan_id            UUID        NOT NULL REFERENCES aftercare_plan (id),
  patient_id         UUID        NOT NULL,
  site               TEXT        NOT NULL,
  checked_in_on      DATE        NOT NULL,
  covers_due_on      DATE        NOT NULL,
  cravings           INT         NOT NULL CHECK (cravings BETWEEN 0 AND 10),
  used_since_last    BOOLEAN     NOT NULL,
  mood               TEXT        NOT NULL,
  phq9_total         INT CHECK (phq9_total BETWEEN 0 AND 27),
  phq9_item9         INT CHECK (phq9_item9 BETWEEN 0 AND 3),
  housing            TEXT        NOT NULL,
  employment         TEXT        NOT NULL,
  recorded_by        TEXT        NOT NULL,
  recorded_at        TIMESTAMPTZ NOT NULL,
  version            BIGINT      NOT NULL
);
CREATE INDEX check_in_by_plan ON check_in (plan_id, covers_due_on);

CREATE TABLE follow_up_task
(
  id           UUID PRIMARY KEY,
  plan_id      UUID        NOT NULL REFERENCES aftercare_plan (id),
  patient_id   UUID        NOT NULL,
  site         TEXT        NOT NULL,
  reason       TEXT        NOT NULL CHECK (reason IN ('MISSED_CHECK_IN', 'SELF_HARM_RISK')),
  check_in_due_on DATE     NOT NULL,
  due_at       TIMESTAMPTZ NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  UNIQUE (plan_id, reason, check_in_due_on)
);

-- Relapse reports, their outreach tasks, and the idempotency keys of retried requests.
CREATE TABLE relapse_report
(
  id                  UUID PRIMARY KEY,
  plan_id             UUID        NOT NULL REFERENCES aftercare_plan (id),
  patient_id          UUID        NOT NULL,
  site                TEXT        NOT NULL,
  kind                TEXT        NOT NULL CHECK (kind IN ('LAPSE', 'RELAPSE')),
  substance           TEXT        NOT NULL,
  occurred_on         DATE        NOT NULL,
  overdose            BOOLEAN     NOT NULL,
  naloxone_used       BOOLEAN     NOT NULL,
  overdose_education  BOOLEAN     NOT NULL,
  wants_readmission   BOOLEAN     NOT NULL,
  readmission_request_id UUID,
  urgency             TEXT        NOT NULL CHECK (urgency IN ('ROUTINE', 'URGENT', 'EMERGENCY')),
  reported_by         TEXT        NOT NULL,
  reported_at         TIMESTAMPTZ NOT NULL,
  version             BIGINT      NOT NULL
);
CREATE INDEX relapse_report_by_plan ON relapse_report (plan_id);

CREATE TABLE outreach_task
(
  id           UUID PRIMARY KEY,
  report_id    UUID        NOT NULL UNIQUE REFERENCES relapse_report (id),
  plan_id      UUID        NOT NULL REFERENCES aftercare_plan (id),
  patient_id   UUID        NOT NULL,
  site         TEXT        NOT NULL,
  urgency      TEXT        NOT NULL,
  due_at       TIMESTAMPTZ NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  version      BIGINT      NOT NULL
);
CREATE INDEX outreach_task_open ON outreach_task (site, due_at) WHERE completed_at IS NULL;

CREATE TABLE idempotent_request
(
  operation     TEXT        NOT NULL,
  key           TEXT        NOT NULL,
  caller        TEXT        NOT NULL,
  request_hash  TEXT        NOT NULL,
  status        INT,
  response_body TEXT,
  created_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (operation, key)
);
