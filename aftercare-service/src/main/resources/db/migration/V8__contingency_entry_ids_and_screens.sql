-- Contingency entries get an id (a positive screen's relapse report names it) and, for screens, the
-- specimen or result id when the lab gives one: one entry per screen.
ALTER TABLE contingency_entry ADD COLUMN entry_id UUID;
UPDATE contingency_entry SET entry_id = gen_random_uuid() WHERE entry_id IS NULL;
ALTER TABLE contingency_entry ALTER COLUMN entry_id SET NOT NULL;
ALTER TABLE contingency_entry ADD COLUMN screen_id TEXT CHECK (length(screen_id) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX contingency_entry_one_per_screen_id ON contingency_entry (contingency_ledger, screen_id)
  WHERE screen_id IS NOT NULL;
