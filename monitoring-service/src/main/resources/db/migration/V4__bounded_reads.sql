-- Bounded reads (#15): every list that grows with time is read a window and a keyset page at a
-- time, ordered by (time, id). Each index below carries the id as its last key, so a page and the
-- next one (`(time, id) > (:at, :id)`) are range scans that stop after `limit + 1` rows, and the
-- window's count is an index-only scan. They replace the (episode_id, time) indexes they extend.
CREATE INDEX vital_signs_by_episode_keyset ON vital_signs (episode_id, taken_at, id);
DROP INDEX vital_signs_by_episode;

CREATE INDEX cows_assessment_by_episode_keyset ON cows_assessment (episode_id, assessed_at, id);
DROP INDEX cows_assessment_by_episode;

CREATE INDEX symptom_observation_by_episode_keyset ON symptom_observation (episode_id, observed_at, id);
DROP INDEX symptom_observation_by_episode;

CREATE INDEX clinical_alert_by_episode_keyset ON clinical_alert (episode_id, raised_at, id);
DROP INDEX clinical_alert_by_episode;

-- The dose checks keep (episode_id, drug, given_at); the MAR reads across drugs by time.
CREATE INDEX medication_administration_by_episode_keyset ON medication_administration (episode_id, given_at, id);
