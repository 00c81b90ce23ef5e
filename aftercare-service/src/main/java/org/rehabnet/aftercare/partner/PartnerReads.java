package org.rehabnet.aftercare.partner;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.aftercare.care.PatientIdentities;
import org.rehabnet.aftercare.care.PatientInCare;
import org.rehabnet.aftercare.care.PatientsInCare;
import org.rehabnet.aftercare.consent.ActiveConsent;
import org.rehabnet.aftercare.consent.ConsentRegistry;
import org.rehabnet.aftercare.consent.ConsentRegistry.NamedPatient;
import org.rehabnet.aftercare.groups.AttendanceHistory;
import org.rehabnet.aftercare.groups.AttendanceHistory.AttendedSession;
import org.rehabnet.aftercare.partner.DisclosureLog.Disclosure;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.SharedPlan;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.trace.TraceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every partner read: the consent is judged at this instant (revocation as soon as consumed, expiry
 * at its time), a refusal is audited with the patient and the reason and answered like an unknown
 * patient, and what is disclosed is logged per patient and audited as DISCLOSE.
 */
@Service
class PartnerReads {

  private final ConsentRegistry consents;
  private final PatientDirectory directory;
  private final PatientIdentities identities;
  private final PatientsInCare inCare;
  private final PlanLookup plans;
  private final AttendanceHistory attendance;
  private final DisclosureLog log;
  private final SitePolicies sites;
  private final AuditTrail audit;
  private final Clock clock;
  private final ConsentRefusals refusals;

  PartnerReads(ConsentRegistry consents, PatientDirectory directory, PatientIdentities identities,
      PatientsInCare inCare, PlanLookup plans, AttendanceHistory attendance, DisclosureLog log, SitePolicies sites,
      AuditTrail audit, Clock clock, ConsentRefusals refusals) {
    this.consents = consents;
    this.directory = directory;
    this.identities = identities;
    this.inCare = inCare;
    this.plans = plans;
    this.attendance = attendance;
    this.log = log;
    this.sites = sites;
    this.audit = audit;
    this.clock = clock;
    this.refusals = refusals;
  }

  /** A consenting patient's record of one category (Patient/{id}), or 404 when no consent allows it now. */
  @Transactional
  DomainResource read(UUID patientId, DataCategory category, Caller caller, PurposeOfUse purpose) {
    return search(patientId, category, caller, purpose, new SearchPage(1, null)).items().getFirst();
  }

  /**
   * A page of the resources of one category of one patient, or 404 when no consent allows it now. Only
   * what the page holds is disclosed, so only that is logged; the consent is judged again for every page.
   */
  @Transactional
  Page<DomainResource> search(UUID patientId, DataCategory category, Caller caller, PurposeOfUse purpose,
      SearchPage page) {
    String partnerOrg = partnerOrg(caller);
    Instant now = clock.instant();
    Optional<String> site = directory.siteOf(patientId);
    if (site.isEmpty()) {
      throw refused(category, patientId, null, AuditOutcome.NOT_FOUND, "unknown patient");
    }
    ConsentDecision decision = ConsentDecision.decide(consents.consentsOf(patientId), partnerOrg, category, purpose,
        now);
    if (decision.consent() == null) {
      refusals.refused(partnerOrg, category, decision);
      throw refused(category, patientId, site.get(), AuditOutcome.REFUSED, decision.reason());
    }
    Page<DomainResource> resources = resources(category, patientId, partnerOrg, now, page);
    if (category == DataCategory.DEMOGRAPHICS && resources.items().isEmpty()) {
      throw refused(category, patientId, site.get(), AuditOutcome.NOT_FOUND, "no registration known");
    }
    disclosed(patientId, site.get(), category, resources.items(), decision.consent(), caller, purpose, now);
    return resources;
  }

  /**
   * A page of the patients whose active consent names the caller for demographics and the purpose. The
   * page is cut from everyone a consent names the partner for (active or not) and each of them is judged
   * as before: the refused are left out and audited, so a page may hold fewer than asked for; the total
   * counts those a consent allows now.
   */
  @Transactional
  Page<Patient> patients(Caller caller, PurposeOfUse purpose, SearchPage page) {
    String partnerOrg = partnerOrg(caller);
    Instant now = clock.instant();
    Position after = page.after();
    List<NamedPatient> named = after == null ? consents.patientsNaming(partnerOrg, page.rows())
        : consents.patientsNamingAfter(partnerOrg, after.at(), after.id(), page.rows());
    Page<NamedPatient> candidates = page.of(named,
        consents.patientsAllowing(partnerOrg, DataCategory.DEMOGRAPHICS.name(), purpose.name(), now),
        patient -> SearchPage.position(patient.firstNamedAt(), patient.patientId()));
    Map<UUID, List<ActiveConsent>> byPatient = consents.consentsNaming(partnerOrg,
        candidates.items().stream().map(NamedPatient::patientId).toList()).stream()
        .collect(Collectors.groupingBy(ActiveConsent::patientId));
    List<Patient> found = new ArrayList<>();
    for (NamedPatient candidate : candidates.items()) {
      UUID patientId = candidate.patientId();
      List<ActiveConsent> consentsOfPatient = byPatient.getOrDefault(patientId, List.of());
      if (consentsOfPatient.isEmpty()) {
        continue; // named a moment ago, gone since: nothing to judge, nothing to disclose
      }
      ConsentDecision decision = ConsentDecision.decide(consentsOfPatient, partnerOrg, DataCategory.DEMOGRAPHICS,
          purpose, now);
      String site = directory.siteOf(patientId).orElse(consentsOfPatient.getFirst().site());
      if (decision.consent() == null) {
        refusals.refused(partnerOrg, DataCategory.DEMOGRAPHICS, decision);
        // Left out of the result; the refusal is still a fact to keep.
        audit.record(AuditAction.DISCLOSE, "Patient", patientId, patientId, site, AuditOutcome.REFUSED,
            decision.reason());
        continue;
      }
      identities.findById(patientId).map(FhirResources::patient).ifPresent(patient -> {
        found.add(patient);
        disclosed(patientId, site, DataCategory.DEMOGRAPHICS, List.of(patient), decision.consent(), caller, purpose,
            now);
      });
    }
    return new Page<>(List.copyOf(found), candidates.total(), candidates.next());
  }

  private Page<DomainResource> resources(DataCategory category, UUID patientId, String partnerOrg, Instant now,
      SearchPage page) {
    return switch (category) {
      case DEMOGRAPHICS -> page.within(identities.findById(patientId).map(FhirResources::patient)
          .<List<DomainResource>>map(List::of).orElse(List.of()), PartnerReads::positionOf);
      // Attendance grows by a session a week for years: paged in its query. The rest below are read whole
      // and paged here: a patient has a plan per discharge and a few consents, a handful however long they
      // stay in aftercare.
      case ATTENDANCE -> attendance(patientId, page);
      case EPISODES -> page.within(List.<DomainResource>copyOf(episodes(patientId)), PartnerReads::positionOf);
      case AFTERCARE_PLAN -> page.within(List.<DomainResource>copyOf(plans.sharedPlansOf(patientId).stream()
          .map(FhirResources::carePlan).toList()), PartnerReads::positionOf);
      case MEDICATION -> page.within(List.<DomainResource>copyOf(plans.sharedPlansOf(patientId).stream()
          .map(FhirResources::medication).toList()), PartnerReads::positionOf);
      // Only the consents naming this partner: others are none of its business.
      case CONSENTS -> page.within(List.<DomainResource>copyOf(consents.consentsOf(patientId).stream()
          .filter(c -> ConsentDecision.PARTNER_ORGANISATION.equals(c.recipientType())
              && c.recipient().equals(partnerOrg))
          .map(c -> FhirResources.consent(c, now)).toList()), PartnerReads::positionOf);
    };
  }

  // The cursor of an Encounter names its session (day and id), the keyset of the query; the Encounter's
  // own id is derived from session and person and could not be resumed after in SQL.
  private Page<DomainResource> attendance(UUID patientId, SearchPage page) {
    Position after = page.after();
    List<AttendedSession> sessions = after == null ? attendance.attendedBy(patientId, page.rows())
        : attendance.attendedAfter(patientId, LocalDate.ofInstant(after.at(), ZoneOffset.UTC), after.id(),
            page.rows());
    return page.of(sessions, attendance.countAttendedBy(patientId),
            session -> SearchPage.position(session.heldOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                session.sessionId()))
        .map(session -> FhirResources.attendance(patientId, session));
  }

  /**
   * Detox episodes: the current admission while it lasts, and one finished episode per discharge
   * (its end is the day the aftercare plan started); only the latest admission's time is known here.
   */
  private List<EpisodeOfCare> episodes(UUID patientId) {
    List<SharedPlan> discharges = plans.sharedPlansOf(patientId).stream()
        .filter(plan -> plan.fromDischarge() && plan.episodeId() != null).toList();
    Optional<PatientInCare> admission = inCare.findById(patientId);
    List<EpisodeOfCare> episodes = new ArrayList<>();
    @Nullable Instant admittedAt = admission.map(PatientInCare::lastAdmittedAt).orElse(null);
    // Plans start on a calendar day at the site, so the admission is compared in the same calendar.
    @Nullable LocalDate admittedOn = admission.map(a -> sites.of(a.site()).dateOf(a.lastAdmittedAt())).orElse(null);
    boolean dischargedSinceAdmission = admittedOn != null
        && discharges.stream().anyMatch(plan -> !plan.startsOn().isBefore(admittedOn));
    if (admission.isPresent() && !dischargedSinceAdmission) {
      PatientInCare current = admission.get();
      episodes.add(FhirResources.episode(current.lastAdmissionId().toString(), patientId, current.site(),
          current.lastAdmittedAt(), null));
    }
    for (int i = 0; i < discharges.size(); i++) {
      SharedPlan plan = discharges.get(i);
      Instant start = i == 0 && dischargedSinceAdmission ? admittedAt : null;
      episodes.add(FhirResources.episode(String.valueOf(plan.episodeId()), patientId, plan.site(), start,
          plan.startsOn()));
    }
    return episodes;
  }

  /**
   * Where a resource read whole stands in its searchset: its date (a plan's start, an episode's end or,
   * while it lasts, its start, a consent's grant) then its id. Dates without a time are read as UTC days,
   * not in the JVM's zone, so every instance of the service orders alike and a cursor resumes on any.
   */
  static Position positionOf(DomainResource resource) {
    @Nullable BaseDateTimeType date = switch (resource) {
      case EpisodeOfCare episode -> episode.getPeriod().hasEnd() ? episode.getPeriod().getEndElement()
          : episode.getPeriod().getStartElement();
      case CarePlan plan -> plan.getPeriod().getStartElement();
      case MedicationStatement statement -> statement.getEffectivePeriod().getStartElement();
      case Consent consent -> consent.getDateTimeElement();
      case Encounter encounter -> encounter.getPeriod().getStartElement();
      default -> null; // a Patient: one per search of it
    };
    Instant at = Instant.EPOCH;
    if (date != null && !date.isEmpty()) {
      at = date.getPrecision() == TemporalPrecisionEnum.DAY
          ? LocalDate.parse(date.getValueAsString()).atStartOfDay(ZoneOffset.UTC).toInstant()
          : date.getValue().toInstant();
    }
    String id = resource.getIdElement().getIdPart();
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      uuid = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
    }
    return SearchPage.position(at, uuid);
  }

  private void disclosed(UUID patientId, String site, DataCategory category, List<? extends DomainResource> resources,
      ActiveConsent consent, Caller caller, PurposeOfUse purpose, Instant now) {
    if (resources.isEmpty()) {
      return; // nothing of the patient left the program
    }
    List<String> ids = resources.stream().map(r -> r.getIdElement().getIdPart()).toList();
    log.append(new Disclosure(UUID.randomUUID(), now, patientId, site, partnerOrg(caller), caller.clientId(),
        List.of(category.resourceType()), ids, List.of(category.name()), List.of(consent.consentId()),
        purpose.name(), TraceContext.currentRequestId()));
    audit.record(AuditAction.DISCLOSE, category.resourceType(), String.join(",", ids), patientId, site,
        AuditOutcome.SUCCESS, "consent " + consent.consentId() + " purpose " + purpose + " category " + category);
  }

  private NotFound refused(DataCategory category, UUID patientId, @Nullable String site, AuditOutcome outcome,
      String reason) {
    audit.record(AuditAction.DISCLOSE, category.resourceType(), patientId, patientId, site, outcome, reason);
    return new NotFound("Patient", patientId);
  }

  static String partnerOrg(Caller caller) {
    String partnerOrg = caller.partnerOrg();
    if (partnerOrg == null || partnerOrg.isBlank()) {
      throw new NotAPartnerOrganisation();
    }
    return partnerOrg;
  }
}
