package org.rehabnet.aftercare.partner;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CachingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.care.PatientIdentity;
import org.rehabnet.aftercare.plan.MedicationPlan;

/** Everything the partner API produces validates against the FHIR R4 base structures. */
class FhirValidationTest {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static FhirValidator validator;

  @BeforeAll
  static void validator() {
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
        new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
        new SnapshotGeneratingValidationSupport(FHIR));
    validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(new CachingValidationSupport(
        chain)));
  }

  @Test
  void patientValidates() {
    assertValid(FhirResources.patient(identity()));
  }

  @Test
  void episodesOfCareValidate() {
    assertValid(FhirResources.episode(UUID.randomUUID().toString(), PartnerFixtures.PATIENT, "north",
        Instant.parse("2026-09-24T14:05:00Z"), LocalDate.of(2026, 10, 3)));
    assertValid(FhirResources.episode(UUID.randomUUID().toString(), PartnerFixtures.PATIENT, "north",
        Instant.parse("2026-09-24T14:05:00Z"), null));
  }

  @Test
  void carePlanValidates() {
    assertValid(FhirResources.carePlan(PartnerFixtures.plan(MedicationPlan.BUPRENORPHINE_MAINTENANCE)));
  }

  @Test
  void everyMedicationStatementValidates() {
    for (MedicationPlan medication : MedicationPlan.values()) {
      assertValid(FhirResources.medication(PartnerFixtures.plan(medication)));
    }
  }

  @Test
  void attendanceEncounterValidates() {
    assertValid(FhirResources.attendance(PartnerFixtures.PATIENT, PartnerFixtures.session()));
    assertValid(FhirResources.attendance(PartnerFixtures.PATIENT, PartnerFixtures.session(), false));
  }

  @Test
  void consentsValidateActiveRevokedAndExpired() {
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    assertValid(FhirResources.consent(PartnerFixtures.consent("harbor-house",
        Set.of("AFTERCARE_PLAN", "ATTENDANCE", "DEMOGRAPHICS"), "RECOVERY_SUPPORT",
        Instant.parse("2027-10-01T00:00:00Z"), null), now));
    assertValid(FhirResources.consent(PartnerFixtures.consent("harbor-house", Set.of("MEDICATION"), "TREATMENT",
        null, Instant.parse("2026-10-20T08:00:00Z")), now));
    assertValid(FhirResources.consent(PartnerFixtures.consent("harbor-house", Set.of("EPISODES"), "HOUSING",
        Instant.parse("2026-10-15T00:00:00Z"), null), now));
  }

  @Test
  void capabilityStatementValidates() {
    assertValid(FhirResources.capabilities("https://api.rehabnet.example/partner/v1",
        Date.from(Instant.parse("2026-11-01T00:00:00Z"))));
  }

  @Test
  void searchsetBundleValidates() {
    Bundle bundle = new Bundle();
    bundle.setId(UUID.randomUUID().toString());
    bundle.setType(Bundle.BundleType.SEARCHSET);
    List<Resource> resources = List.of(FhirResources.carePlan(PartnerFixtures.plan(MedicationPlan.XR_NALTREXONE)),
        FhirResources.carePlan(PartnerFixtures.plan(MedicationPlan.NONE)));
    bundle.setTotal(resources.size());
    bundle.getMeta().setLastUpdated(Date.from(Instant.parse("2026-11-01T00:00:00Z")));
    bundle.addLink().setRelation("self").setUrl("https://api.rehabnet.example/partner/v1/CarePlan?patient=x");
    resources.forEach(r -> bundle.addEntry()
        .setFullUrl("https://api.rehabnet.example/partner/v1/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
        .setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
    assertValid(Part2Labels.label(bundle));
  }

  static void assertValid(IBaseResource resource) {
    // Round-trip through JSON: what a partner receives is what is validated.
    String json = FHIR.newJsonParser().encodeResourceToString(resource);
    List<SingleValidationMessage> errors = validator.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
    assertThat(errors).as(resource.fhirType() + ": " + errors.stream()
        .map(m -> m.getLocationString() + " " + m.getMessage()).toList()).isEmpty();
  }

  static PatientIdentity identity() {
    try {
      Constructor<PatientIdentity> constructor = PatientIdentity.class.getDeclaredConstructor(UUID.class,
          String.class, String.class, String.class, LocalDate.class, String.class, String.class, long.class,
          Long.class);
      constructor.setAccessible(true);
      return constructor.newInstance(PartnerFixtures.PATIENT, "RN-1048213", "Dana", "Whitfield",
          LocalDate.of(1991, 4, 17), "FEMALE", "north", 1L, 0L);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
