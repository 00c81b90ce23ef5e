-- PatientDetailsCorrected replaces the identity copy; the newest by sequence wins. A correction that
-- arrives before its registration (an outbox resend) creates the copy without the registering site,
-- which the registration then fills in.
ALTER TABLE patient_identity ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient_identity ALTER COLUMN registered_at_site DROP NOT NULL;
