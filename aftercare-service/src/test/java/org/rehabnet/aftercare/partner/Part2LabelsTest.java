package org.rehabnet.aftercare.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.plan.MedicationPlan;

class Part2LabelsTest {

  @Test
  void everyResourceTheMappingProducesCarriesTheDs4pLabelsAndTheNotice() {
    List<DomainResource> resources = List.of(
        FhirResources.patient(FhirValidationTest.identity()),
        FhirResources.episode("e1", PartnerFixtures.PATIENT, "north", Instant.parse("2026-09-24T14:05:00Z"), null),
        FhirResources.carePlan(PartnerFixtures.plan(MedicationPlan.METHADONE_MAINTENANCE)),
        FhirResources.medication(PartnerFixtures.plan(MedicationPlan.METHADONE_MAINTENANCE)),
        FhirResources.attendance(PartnerFixtures.PATIENT, PartnerFixtures.session()),
        FhirResources.consent(PartnerFixtures.consent("harbor-house", Set.of("CONSENTS"), "TREATMENT", null, null),
            Instant.parse("2026-11-01T00:00:00Z")));

    for (DomainResource resource : resources) {
      assertThat(resource.getMeta().getSecurity()).extracting(Coding::getSystem, Coding::getCode)
          .as(resource.fhirType())
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"),
              org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPIOIDUD"),
              org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-ActCode", "ETH"),
              org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2"),
              org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-ActCode", "NORDSCLCD"));
      assertThat(((StringType) resource.getExtensionByUrl(Part2Labels.NOTICE_EXTENSION).getValue()).getValue())
          .isEqualTo("42 CFR part 2 prohibits unauthorized use or disclosure of these records.");
    }
  }

  @Test
  void theCarePlanCarriesGoalsButNoMedicationAndThePatientOnlyMinimumIdentity() {
    var plan = PartnerFixtures.plan(MedicationPlan.BUPRENORPHINE_MAINTENANCE);
    String carePlan = FhirValidationTest.FHIR.newJsonParser().encodeResourceToString(FhirResources.carePlan(plan));
    assertThat(carePlan).contains("Attend two mutual-help meetings a week").doesNotContainIgnoringCase("buprenorphine");

    var patient = FhirResources.patient(FhirValidationTest.identity());
    assertThat(patient.getTelecom()).isEmpty();
    assertThat(patient.getAddress()).isEmpty();
    assertThat(patient.getContact()).isEmpty();
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("RN-1048213");
  }

  @Test
  void eachDataCategoryMapsToOneResourceType() {
    assertThat(DataCategory.valueOf("DEMOGRAPHICS").resourceType()).isEqualTo("Patient");
    assertThat(DataCategory.valueOf("EPISODES").resourceType()).isEqualTo("EpisodeOfCare");
    assertThat(DataCategory.valueOf("AFTERCARE_PLAN").resourceType()).isEqualTo("CarePlan");
    assertThat(DataCategory.valueOf("ATTENDANCE").resourceType()).isEqualTo("Encounter");
    assertThat(DataCategory.valueOf("MEDICATION").resourceType()).isEqualTo("MedicationStatement");
    assertThat(DataCategory.valueOf("CONSENTS").resourceType()).isEqualTo("Consent");
  }
}
