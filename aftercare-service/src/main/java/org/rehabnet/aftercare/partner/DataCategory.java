package org.rehabnet.aftercare.partner;

/**
 * The kinds of information a consent names (intake's GrantConsent.DataCategory, same names) and the
 * one FHIR resource type each is disclosed as. A read needs a consent naming exactly that category.
 */
enum DataCategory {
  DEMOGRAPHICS("Patient"),
  EPISODES("EpisodeOfCare"),
  AFTERCARE_PLAN("CarePlan"),
  ATTENDANCE("Encounter"),
  MEDICATION("MedicationStatement"),
  CONSENTS("Consent");

  private final String resourceType;

  DataCategory(String resourceType) {
    this.resourceType = resourceType;
  }

  String resourceType() {
    return resourceType;
  }
}
