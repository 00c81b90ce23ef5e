-- Where a relapse report came from: staff, a check-in that reported use, or a positive screen in
-- contingency management; at most one report per triggering record, whatever is retried or redelivered.
ALTER TABLE relapse_report ADD COLUMN source TEXT NOT NULL DEFAULT 'STAFF_REPORT'
  CHECK (source IN ('STAFF_REPORT', 'CHECK_IN', 'CONTINGENCY_SCREEN'));
ALTER TABLE relapse_report ADD COLUMN source_record_id UUID;
ALTER TABLE relapse_report ADD CONSTRAINT relapse_report_source_names_its_record
  CHECK ((source = 'STAFF_REPORT') = (source_record_id IS NULL));
CREATE UNIQUE INDEX relapse_report_once_per_source_record ON relapse_report (source, source_record_id)
  WHERE source_record_id IS NOT NULL;

-- Naloxone used: the kit is gone; a resupply task follows the report (one per report).
CREATE TABLE naloxone_resupply_task
(
  id           UUID PRIMARY KEY,
  report_id    UUID        NOT NULL UNIQUE REFERENCES relapse_report (id),
  plan_id      UUID        NOT NULL REFERENCES aftercare_plan (id),
  patient_id   UUID        NOT NULL,
  site         TEXT        NOT NULL,
  due_at       TIMESTAMPTZ NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  completed_by TEXT,
  version      BIGINT      NOT NULL
);
CREATE INDEX naloxone_resupply_open ON naloxone_resupply_task (plan_id) WHERE completed_at IS NULL;

-- Aftercare alerts for the patient's counsellor and the site's clinical lead (an overdose or emergency
-- relapse, a self-harm answer at a check-in): one per cause, acknowledged once, with who and when.
CREATE TABLE aftercare_alert
(
  id              UUID PRIMARY KEY,
  site            TEXT        NOT NULL,
  plan_id         UUID        NOT NULL REFERENCES aftercare_plan (id),
  patient_id      UUID        NOT NULL,
  reason          TEXT        NOT NULL CHECK (reason IN ('OVERDOSE', 'EMERGENCY_RELAPSE', 'SELF_HARM_RISK')),
  severity        TEXT        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'EMERGENCY')),
  cause_id        UUID        NOT NULL,
  counsellor      TEXT,
  respond_by      TIMESTAMPTZ NOT NULL,
  raised_at       TIMESTAMPTZ NOT NULL,
  acknowledged_at TIMESTAMPTZ,
  acknowledged_by TEXT,
  version         BIGINT      NOT NULL,
  UNIQUE (reason, cause_id),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE INDEX aftercare_alert_by_site ON aftercare_alert (site, raised_at);
CREATE INDEX aftercare_alert_by_plan ON aftercare_alert (plan_id) WHERE acknowledged_at IS NULL;
