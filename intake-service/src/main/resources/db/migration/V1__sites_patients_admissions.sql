CREATE TABLE site
(
  code          TEXT PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,31}$'),
  name          TEXT    NOT NULL,
  otp_certified BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO site (code, name, otp_certified)
VALUES ('north', 'RehabNet North', true),
       ('south', 'RehabNet South', false);

CREATE SEQUENCE patient_mrn_seq;

CREATE TABLE patient
(
  id            UUID PRIMARY KEY,
  mrn           TEXT        NOT NULL UNIQUE,
  given_name    TEXT        NOT NULL,
  family_name   TEXT        NOT NULL,
  date_of_birth DATE        NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL,
  version       BIGINT      NOT NULL
);

CREATE TABLE admission
(
  id          UUID PRIMARY KEY,
  patient_id  UUID        NOT NULL REFERENCES patient (id),
  site        TEXT        NOT NULL REFERENCES site (code),
  bed         TEXT,
  admitted_at TIMESTAMPTZ NOT NULL,
  status      TEXT        NOT NULL,
  recorded_by TEXT        NOT NULL,
  version     BIGINT      NOT NULL
);
CREATE INDEX admission_by_site ON admission (site, admitted_at);
