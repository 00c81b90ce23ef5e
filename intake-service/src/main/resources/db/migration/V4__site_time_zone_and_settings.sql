-- Every site has a time zone (treatment days, check-in dates and group sessions are calendar days
-- there) and its clinical settings, versioned; published_version is the last version sent as
-- SiteConfigured, so a change not yet announced is sent at the next start.
ALTER TABLE site
  ADD COLUMN time_zone         TEXT,
  ADD COLUMN settings          JSONB,
  ADD COLUMN settings_version  BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN published_version BIGINT;

UPDATE site SET time_zone = 'America/New_York' WHERE code = 'north';
UPDATE site SET time_zone = 'America/Chicago' WHERE code = 'south';
UPDATE site SET time_zone = 'UTC' WHERE time_zone IS NULL;
ALTER TABLE site ALTER COLUMN time_zone SET NOT NULL;
