-- Issue 12, item 19: every change of a site's settings is kept, who, when, which version, and for
-- each changed setting its path with the old and the new value. INITIAL is the first version of a
-- site (the defaults of docs/clinical-rules.md), CHANGE every later one. Append-only: the history of
-- a clinic's policy must not be rewritten.
CREATE TABLE site_settings_change
(
  site       TEXT        NOT NULL REFERENCES site (code),
  version    BIGINT      NOT NULL CHECK (version >= 1),
  kind       TEXT        NOT NULL CHECK (kind IN ('INITIAL', 'CHANGE')),
  changed_by TEXT        NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL,
  request_id TEXT,
  PRIMARY KEY (site, version)
);

CREATE TABLE site_settings_change_field
(
  site      TEXT   NOT NULL,
  version   BIGINT NOT NULL,
  position  INT    NOT NULL,
  path      TEXT   NOT NULL,
  old_value JSONB,
  new_value JSONB,
  PRIMARY KEY (site, version, position),
  UNIQUE (site, version, path),
  FOREIGN KEY (site, version) REFERENCES site_settings_change (site, version)
);

-- Sites already announced before this history existed: their current version is where it starts.
INSERT INTO site_settings_change (site, version, kind, changed_by, changed_at)
SELECT code, settings_version, 'INITIAL', 'system', now() FROM site WHERE settings IS NOT NULL AND settings_version >= 1;

CREATE FUNCTION site_settings_history_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER site_settings_change_append_only
  BEFORE UPDATE OR DELETE ON site_settings_change
  FOR EACH ROW EXECUTE FUNCTION site_settings_history_is_append_only();
CREATE TRIGGER site_settings_change_no_truncate
  BEFORE TRUNCATE ON site_settings_change
  FOR EACH STATEMENT EXECUTE FUNCTION site_settings_history_is_append_only();
CREATE TRIGGER site_settings_change_field_append_only
  BEFORE UPDATE OR DELETE ON site_settings_change_field
  FOR EACH ROW EXECUTE FUNCTION site_settings_history_is_append_only();
CREATE TRIGGER site_settings_change_field_no_truncate
  BEFORE TRUNCATE ON site_settings_change_field
  FOR EACH STATEMENT EXECUTE FUNCTION site_settings_history_is_append_only();
