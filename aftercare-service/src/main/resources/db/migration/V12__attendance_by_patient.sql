-- The partner API's Encounter search and the patient's attendance history read a person's sessions
-- (present only); the primary key leads with the session, so without this every read scanned the
-- table, which grows by one row per member per session for years.
CREATE INDEX session_attendance_present_by_patient ON session_attendance (patient_id) WHERE status = 'PRESENT';
