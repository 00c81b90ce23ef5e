package org.rehabnet.aftercare.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.aftercare.care.PatientIdentities;
import org.rehabnet.aftercare.care.PatientInCare;
import org.rehabnet.aftercare.care.PatientsInCare;
import org.rehabnet.aftercare.consent.ActiveConsent;
import org.rehabnet.aftercare.consent.ConsentRegistry;
import org.rehabnet.aftercare.groups.AttendanceHistory;
import org.rehabnet.aftercare.partner.DisclosureLog.Disclosure;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.SharedPlan;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
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

  /** The resources of one category of one patient, or 404 when no consent allows it now. */
  @Transactional
  List<DomainResource> read(UUID patientId, DataCategory category, Caller caller, PurposeOfUse purpose) {
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
    List<DomainResource> resources = resources(category, patientId, partnerOrg, now);
    if (category == DataCategory.DEMOGRAPHICS && resources.isEmpty()) {
      throw refused(category, patientId, site.get(), AuditOutcome.NOT_FOUND, "no registration known");
    }
    disclosed(patientId, site.get(), category, resources, decision.consent(), caller, purpose, now);
    return resources;
  }

  /** Every patient whose active consent names the caller for demographics and the purpose. */
  @Transactional
  List<Patient> patients(Caller caller, PurposeOfUse purpose) {
    String partnerOrg = partnerOrg(caller);
    Instant now = clock.instant();
    Map<UUID, List<ActiveConsent>> byPatient = consents.consentsNaming(partnerOrg).stream()
        .collect(Collectors.groupingBy(ActiveConsent::patientId, LinkedHashMap::new, Collectors.toList()));
    List<Patient> found = new ArrayList<>();
    byPatient.forEach((patientId, named) -> {
      ConsentDecision decision = ConsentDecision.decide(named, partnerOrg, DataCategory.DEMOGRAPHICS, purpose, now);
      String site = directory.siteOf(patientId).orElse(named.getFirst().site());
      if (decision.consent() == null) {
        refusals.refused(partnerOrg, DataCategory.DEMOGRAPHICS, decision);
        // Left out of the result; the refusal is still a fact to keep.
        audit.record(AuditAction.DISCLOSE, "Patient", patientId, patientId, site, AuditOutcome.REFUSED,
            decision.reason());
        return;
      }
      identities.findById(patientId).map(FhirResources::patient).ifPresent(patient -> {
        found.add(patient);
        disclosed(patientId, site, DataCategory.DEMOGRAPHICS, List.of(patient), decision.consent(), caller, purpose,
            now);
      });
    });
    return found;
  }

  private List<DomainResource> resources(DataCategory category, UUID patientId, String partnerOrg, Instant now) {
    return switch (category) {
      case DEMOGRAPHICS -> identities.findById(patientId).map(FhirResources::patient)
          .<List<DomainResource>>map(List::of).orElse(List.of());
      case EPISODES -> List.copyOf(episodes(patientId));
      case AFTERCARE_PLAN -> List.copyOf(plans.sharedPlansOf(patientId).stream().map(FhirResources::carePlan)
          .toList());
      case MEDICATION -> List.copyOf(plans.sharedPlansOf(patientId).stream().map(FhirResources::medication)
          .toList());
      case ATTENDANCE -> List.copyOf(attendance.attendedBy(patientId).stream()
          .map(session -> FhirResources.attendance(patientId, session)).toList());
      // Only the consents naming this partner: others are none of its business.
      case CONSENTS -> List.copyOf(consents.consentsOf(patientId).stream()
          .filter(c -> ConsentDecision.PARTNER_ORGANISATION.equals(c.recipientType())
              && c.recipient().equals(partnerOrg))
          .map(c -> FhirResources.consent(c, now)).toList());
    };
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
