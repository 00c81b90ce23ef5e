CREATE TABLE detox_episode
(
  id                   UUID PRIMARY KEY,
  admission_id         UUID        NOT NULL UNIQUE,
  patient_id           UUID        NOT NULL,
  site                 TEXT        NOT NULL,
  bed                  TEXT,
  admitted_at          TIMESTAMPTZ NOT NULL,
  expected_length_days INT,
  status               TEXT        NOT NULL,
  opened_at            TIMESTAMPTZ NOT NULL,
  version              BIGINT      NOT NULL
);
CREATE INDEX detox_episode_by_site ON detox_episode (site, status);
