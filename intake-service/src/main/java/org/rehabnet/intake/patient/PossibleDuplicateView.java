package org.rehabnet.intake.patient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A review item as the records team sees it: the two records by id, MRN and sites (the identity
 * itself they read in the patient record), where the match was found and how.
 */
record PossibleDuplicateView(UUID possibleDuplicateId, Side patient, Side matchedPatient, String foundAtSite,
    String foundBy, Instant foundAt) {

  record Side(UUID patientId, String mrn, List<String> sites) {}
}
