package org.rehabnet.intake.admission;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Admit the patient of an accepted referral with a complete assessment. */
record AdmitFromReferral(@NotNull UUID referralId) {}
