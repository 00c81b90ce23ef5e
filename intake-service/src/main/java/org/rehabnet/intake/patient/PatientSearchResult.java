package org.rehabnet.intake.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One page of a patient search: who matched among the caller's sites, and how many matched in all.
 * {@code sites} lists only the sites the caller may see.
 */
record PatientSearchResult(List<Item> items, int page, int size, long totalItems) {

  /** One patient found. */
  record Item(UUID patientId, String mrn, String givenName, String familyName, LocalDate dateOfBirth,
      List<String> sites) {}
}
