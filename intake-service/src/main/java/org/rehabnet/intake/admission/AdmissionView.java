package org.rehabnet.intake.admission;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An admission as staff see it. */
record AdmissionView(UUID admissionId, UUID patientId, String mrn, String site, @Nullable String bed,
    Instant admittedAt, Admission.AdmissionStatus status, @Nullable UUID referralId,
    @Nullable Integer expectedLengthDays, @Nullable Instant dischargedAt) {}
