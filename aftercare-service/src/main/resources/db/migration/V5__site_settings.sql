-- Sites as intake announces them (SiteConfigured, compacted topic rehab.intake.sites.v1): the newest by
-- sequence. Aftercare counts calendar days in time_zone and reads its cadence and outreach windows from
-- settings (the whole SiteSettings, as JSON).
CREATE TABLE site_settings
(
  site          TEXT PRIMARY KEY,
  name          TEXT        NOT NULL,
  time_zone     TEXT        NOT NULL,
  otp_certified BOOLEAN     NOT NULL,
  settings      JSONB       NOT NULL,
  sequence      BIGINT      NOT NULL,
  changed_by    TEXT        NOT NULL,
  changed_at    TIMESTAMPTZ NOT NULL,
  received_at   TIMESTAMPTZ NOT NULL
);
