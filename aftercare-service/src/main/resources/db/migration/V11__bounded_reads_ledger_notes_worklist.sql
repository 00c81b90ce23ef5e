-- Bounded reads (#15), the lists V10 left: a contingency ledger's entries and a session's group notes
-- are keyset pages on (time, id) like the other histories; the alert worklist reads a site's open
-- alerts whole, most urgent first, and its acknowledged ones a window and a page at a time, newest
-- first. Each index ends with the id, so a page after a cursor is a range scan that stops after
-- `limit + 1` rows.
CREATE INDEX contingency_entry_by_ledger_keyset ON contingency_entry (contingency_ledger, recorded_at, entry_id);

CREATE INDEX group_note_by_session_keyset ON group_note (session_id, written_at, id);

CREATE INDEX aftercare_alert_open_by_site ON aftercare_alert (site, respond_by) WHERE acknowledged_at IS NULL;
CREATE INDEX aftercare_alert_acknowledged_by_site_keyset ON aftercare_alert (site, acknowledged_at, id)
  WHERE acknowledged_at IS NOT NULL;
-- Only the worklist read the site's alerts by when they were raised, and it no longer does.
DROP INDEX aftercare_alert_by_site;
