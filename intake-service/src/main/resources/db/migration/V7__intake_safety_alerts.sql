-- Issue 12, item 12: a safety alert raised at intake, before any admission, when a pre-admission
-- PHQ-9 has item 9 above 0. Site-scoped; open until someone of the site's care team acknowledges it.
-- At most one open alert per referral and kind: a re-assessment raises a new one only once the last
-- has been acknowledged (the partial unique index decides a race between two re-assessments).
CREATE TABLE intake_safety_alert
(
  id              UUID PRIMARY KEY,
  referral_id     UUID        NOT NULL REFERENCES referral (id),
  patient_id      UUID        NOT NULL REFERENCES patient (id),
  site            TEXT        NOT NULL REFERENCES site (code),
  assessment_id   UUID        NOT NULL REFERENCES assessment (id),
  kind            TEXT        NOT NULL,
  severity        TEXT        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'EMERGENCY')),
  reason          TEXT        NOT NULL,
  raised_at       TIMESTAMPTZ NOT NULL,
  raised_by       TEXT        NOT NULL,
  acknowledged_at TIMESTAMPTZ,
  acknowledged_by TEXT,
  version         BIGINT      NOT NULL,
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE UNIQUE INDEX intake_safety_alert_one_open ON intake_safety_alert (referral_id, kind)
  WHERE acknowledged_at IS NULL;
CREATE INDEX intake_safety_alert_by_site ON intake_safety_alert (site, (acknowledged_at IS NULL), raised_at);
