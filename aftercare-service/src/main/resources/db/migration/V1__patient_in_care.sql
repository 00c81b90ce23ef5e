CREATE TABLE patient_in_care
(
  patient_id        UUID PRIMARY KEY,
  site              TEXT        NOT NULL,
  last_admission_id UUID        NOT NULL,
  last_admitted_at  TIMESTAMPTZ NOT NULL,
  version           BIGINT      NOT NULL
);
