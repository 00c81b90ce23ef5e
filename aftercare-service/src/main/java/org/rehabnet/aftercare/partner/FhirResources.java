package org.rehabnet.aftercare.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.PatientIdentity;
import org.rehabnet.aftercare.consent.ActiveConsent;
import org.rehabnet.aftercare.groups.AttendanceHistory.AttendedSession;
import org.rehabnet.aftercare.plan.MedicationPlan;
import org.rehabnet.aftercare.plan.PlanStatus;
import org.rehabnet.aftercare.plan.SharedPlan;

/**
 * Aftercare's records as FHIR R4 resources for partners: the minimum each category needs and nothing
 * else (no counsellor, relapse-prevention items, relapses or notes), each labelled by {@link Part2Labels}.
 */
final class FhirResources {

  static final String MRN_SYSTEM = "https://rehabnet.example/fhir/sid/mrn";
  static final String SITE_SYSTEM = "https://rehabnet.example/fhir/sid/site";
  static final String PARTNER_SYSTEM = "https://rehabnet.example/fhir/sid/partner-org";
  static final String CATEGORY_SYSTEM = "https://rehabnet.example/fhir/CodeSystem/data-category";
  static final String PURPOSE_SYSTEM = "https://rehabnet.example/fhir/CodeSystem/purpose-of-use";
  static final String GROUP_SYSTEM = "https://rehabnet.example/fhir/sid/support-group";
  /** Which support group an attendance Encounter belongs to (an Identifier of the group). */
  static final String GROUP_EXTENSION = "https://rehabnet.example/fhir/StructureDefinition/support-group";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  /** 42 CFR Part 2 as published in the eCFR. */
  static final String PART2_POLICY = "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2";

  static Patient patient(PatientIdentity identity) {
    Patient patient = new Patient();
    patient.setId(identity.patientId().toString());
    patient.addIdentifier(new Identifier().setSystem(MRN_SYSTEM).setValue(identity.mrn())
        .setUse(Identifier.IdentifierUse.USUAL));
    patient.addName().setFamily(identity.familyName()).addGiven(identity.givenName());
    patient.setBirthDateElement(new DateType(identity.dateOfBirth().toString()));
    patient.setGender(gender(identity.administrativeGender()));
    return Part2Labels.label(patient);
  }

  /** A detox episode; {@code end} is the discharge (the day the aftercare plan starts), if it happened. */
  static EpisodeOfCare episode(String id, UUID patientId, String site, @Nullable Instant admittedAt,
      @Nullable LocalDate dischargedOn) {
    EpisodeOfCare episode = new EpisodeOfCare();
    episode.setId(id);
    episode.setStatus(dischargedOn == null ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
        : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    episode.addType(new CodeableConcept().setText("Inpatient opioid withdrawal management (detox)"));
    episode.setPatient(patientRef(patientId));
    episode.setManagingOrganization(site(site));
    Period period = new Period();
    if (admittedAt != null) {
      period.setStartElement(new DateTimeType(Date.from(admittedAt), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
          java.util.TimeZone.getTimeZone("UTC")));
    }
    if (dischargedOn != null) {
      period.setEndElement(new DateTimeType(dischargedOn.toString()));
    }
    episode.setPeriod(period);
    return Part2Labels.label(episode);
  }

  static CarePlan carePlan(SharedPlan plan) {
    CarePlan carePlan = new CarePlan();
    carePlan.setId(plan.planId().toString());
    carePlan.setStatus(plan.status() == PlanStatus.OPEN ? CarePlan.CarePlanStatus.ACTIVE
        : CarePlan.CarePlanStatus.COMPLETED);
    carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
    carePlan.setTitle("Aftercare plan");
    carePlan.addCategory(new CodeableConcept().setText("Aftercare (recovery support after detox)"));
    carePlan.setSubject(patientRef(plan.patientId()));
    carePlan.setPeriod(new Period().setStartElement(new DateTimeType(plan.startsOn().toString())));
    carePlan.setAuthor(site(plan.site()));
    // Goals as activities with a plain description: what the person works towards, nothing clinical.
    plan.goals().forEach(goal -> carePlan.addActivity().getDetail()
        .setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS)
        .setDescription(goal));
    return Part2Labels.label(carePlan);
  }

  static MedicationStatement medication(SharedPlan plan) {
    MedicationStatement statement = new MedicationStatement();
    statement.setId(plan.planId().toString());
    MedicationPlan medication = plan.medicationPlan();
    statement.setStatus(medication == MedicationPlan.NONE ? MedicationStatement.MedicationStatementStatus.NOTTAKEN
        : plan.status() == PlanStatus.OPEN ? MedicationStatement.MedicationStatementStatus.ACTIVE
            : MedicationStatement.MedicationStatementStatus.COMPLETED);
    statement.setMedication(switch (medication) {
      case BUPRENORPHINE_MAINTENANCE -> drug("1819", "buprenorphine", "Buprenorphine maintenance");
      case METHADONE_MAINTENANCE -> drug("6813", "methadone", "Methadone maintenance");
      case XR_NALTREXONE -> drug("7243", "naltrexone", "Extended-release naltrexone (monthly injection)");
      case NONE -> new CodeableConcept().setText("No medication for opioid use disorder at discharge");
    });
    statement.setSubject(patientRef(plan.patientId()));
    statement.setEffective(new Period().setStartElement(new DateTimeType(plan.startsOn().toString())));
    statement.setInformationSource(site(plan.site()));
    return Part2Labels.label(statement);
  }

  /** One attended group session. Its id is derived from session and person: a session has many. */
  static Encounter attendance(UUID patientId, AttendedSession session) {
    return attendance(patientId, session, true);
  }

  /** A group session the person attended ({@code finished}) or missed ({@code cancelled}). */
  static Encounter attendance(UUID patientId, AttendedSession session, boolean present) {
    Encounter encounter = new Encounter();
    encounter.setId(UUID.nameUUIDFromBytes((session.sessionId() + "/" + patientId).getBytes(
        java.nio.charset.StandardCharsets.UTF_8)).toString());
    encounter.setStatus(present ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.CANCELLED);
    encounter.addExtension(GROUP_EXTENSION, new Identifier().setSystem(GROUP_SYSTEM)
        .setValue(session.groupId().toString()));
    encounter.setClass_(new Coding(Part2Labels.ACT_CODE, "AMB", "ambulatory"));
    encounter.addType(new CodeableConcept().setText("Support group session (" + session.groupType() + "): "
        + session.groupName()));
    encounter.setSubject(patientRef(patientId));
    encounter.setPeriod(new Period().setStartElement(new DateTimeType(session.heldOn().toString())));
    encounter.setLength((Duration) new Duration().setValue(session.durationMinutes()).setUnit("min")
        .setSystem("http://unitsofmeasure.org").setCode("min"));
    encounter.setServiceProvider(site(session.site()));
    return Part2Labels.label(encounter);
  }

  static Consent consent(ActiveConsent consent, Instant now) {
    Consent resource = new Consent();
    resource.setId(consent.consentId().toString());
    resource.setStatus(consent.isActiveAt(now) ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
    resource.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
        "patient-privacy", "Privacy Consent")));
    resource.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
    resource.setPatient(patientRef(consent.patientId()));
    resource.setDateTime(Date.from(consent.grantedAt()));
    resource.addOrganization(site(consent.site()));
    resource.addPolicy().setUri(PART2_POLICY);
    Consent.ProvisionComponent provision = resource.getProvision();
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    Period period = new Period().setStart(Date.from(consent.grantedAt()));
    Instant end = consent.revokedAt() != null && (consent.expiresAt() == null
        || consent.revokedAt().isBefore(consent.expiresAt())) ? consent.revokedAt() : consent.expiresAt();
    if (end != null) {
      period.setEnd(Date.from(end));
    }
    provision.setPeriod(period);
    provision.addActor()
        .setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
            "IRCP", "information recipient")))
        .setReference(new Reference().setIdentifier(new Identifier().setSystem(PARTNER_SYSTEM)
            .setValue(consent.recipient())).setDisplay(consent.recipient()));
    provision.addPurpose(new Coding(PURPOSE_SYSTEM, consent.purpose(), null));
    consent.dataCategories().stream().sorted().forEach(category ->
        provision.addCode(new CodeableConcept(new Coding(CATEGORY_SYSTEM, category, null))));
    return Part2Labels.label(resource);
  }

  /** What the partner API supports, and nothing more. */
  static CapabilityStatement capabilities(String baseUrl, Date date) {
    CapabilityStatement capabilities = new CapabilityStatement();
    capabilities.setStatus(Enumerations.PublicationStatus.ACTIVE);
    capabilities.setDate(date);
    capabilities.setPublisher("RehabNet");
    capabilities.setKind(CapabilityStatementKind.INSTANCE);
    capabilities.getSoftware().setName("RehabNet aftercare-service partner API");
    capabilities.getImplementation().setDescription("RehabNet partner API (read-only, 42 CFR Part 2 consent)")
        .setUrl(baseUrl);
    capabilities.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    capabilities.addFormat("application/fhir+json");
    CapabilityStatementRestComponent rest = capabilities.addRest();
    rest.setMode(RestfulCapabilityMode.SERVER);
    rest.setDocumentation("Every read needs the header " + PurposeOfUse.HEADER + " (one of "
        + List.of(PurposeOfUse.values()) + ") and an active consent naming the caller's partner organisation, "
        + "the data category and the purpose; anything else answers 404. Responses carry DS4P labels and the "
        + "42 CFR 2.32 notice (header " + Part2Labels.NOTICE_HEADER + ").");
    rest.getSecurity().setDescription("OAuth2 client-credentials bearer token of a partner client "
        + "(realm role partner, claim partner_org).");
    for (DataCategory category : DataCategory.values()) {
      CapabilityStatementRestResourceComponent resource = rest.addResource().setType(category.resourceType());
      resource.setDocumentation("Consent data category " + category.name());
      if (category == DataCategory.ATTENDANCE) {
        resource.addInteraction().setCode(TypeRestfulInteraction.CREATE).setDocumentation("a partner records "
            + "attendance (status finished = present, cancelled = absent) at a session of a group it runs; "
            + "subject Patient/{id}, period.start the session date, extension " + GROUP_EXTENSION
            + " valueIdentifier the group id; needs a consent naming ATTENDANCE");
      }
      if (category == DataCategory.DEMOGRAPHICS) {
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
      } else {
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
            .setDocumentation("required: Patient/{id} or {id}");
      }
      resource.addSearchParam().setName(SearchPage.COUNT).setType(Enumerations.SearchParamType.NUMBER)
          .setDocumentation("entries per page, 1 to " + SearchPage.MAX_COUNT + " (default " + SearchPage.DEFAULT_COUNT
              + "); total counts every match, and link next, while more follow, names the next page");
    }
    return capabilities;
  }

  private static CodeableConcept drug(String rxcui, String display, String text) {
    return new CodeableConcept(new Coding(RXNORM, rxcui, display)).setText(text);
  }

  private static Reference patientRef(UUID patientId) {
    return new Reference("Patient/" + patientId);
  }

  private static Reference site(String site) {
    return new Reference().setIdentifier(new Identifier().setSystem(SITE_SYSTEM).setValue(site))
        .setDisplay("RehabNet site " + site);
  }

  private static AdministrativeGender gender(@Nullable String gender) {
    if (gender == null) {
      return AdministrativeGender.UNKNOWN;
    }
    return switch (gender.toUpperCase(Locale.ROOT)) {
      case "MALE" -> AdministrativeGender.MALE;
      case "FEMALE" -> AdministrativeGender.FEMALE;
      case "OTHER" -> AdministrativeGender.OTHER;
      default -> AdministrativeGender.UNKNOWN;
    };
  }

  private FhirResources() {}
}
