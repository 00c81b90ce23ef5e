-- Bounded reads (#15), as in monitoring's V4: each per-plan (or per-patient) history is read a time
-- window and a keyset page at a time, ordered by (time, id). Each index carries the id as its last
-- key, so a page and the next one (`(time, id) > (:at, :id)`) are range scans that stop after
-- `limit + 1` rows, and the window's count is an index-only scan.
CREATE INDEX check_in_by_plan_keyset ON check_in (plan_id, recorded_at, id);

CREATE INDEX relapse_report_by_plan_keyset ON relapse_report (plan_id, reported_at, id);
DROP INDEX relapse_report_by_plan;

CREATE INDEX counselling_note_by_plan_keyset ON counselling_note (plan_id, written_at, id);
DROP INDEX counselling_note_by_plan;

CREATE INDEX disclosure_by_patient_keyset ON disclosure (patient_id, disclosed_at, id);
DROP INDEX disclosure_by_patient;
