package org.rehabnet.intake.patient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A link made: the patient is now known at {@code site}; {@code sites} are all the sites now. */
record SiteLinkView(UUID linkId, UUID patientId, String site, Instant linkedAt, List<String> sites) {}
