package org.rehabnet.intake.patient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.trace.TraceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records team's work: the possible-duplicate review list and the one way a patient becomes
 * known at a further site. Opening a patient's identity and consents to a site is a disclosure
 * between programs (42 CFR Part 2), so it is never a side effect of a referral: it is this explicit,
 * audited act by a {@code records-officer}, who works network-wide (see docs/security.md).
 */
@Service
class SiteLinks {

  private final PatientRegistry registry;
  private final PossibleDuplicates duplicates;
  private final Sites sites;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditTrail audit;

  SiteLinks(PatientRegistry registry, PossibleDuplicates duplicates, Sites sites, JdbcClient jdbc, Clock clock,
      AuditTrail audit) {
    this.registry = registry;
    this.duplicates = duplicates;
    this.sites = sites;
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  /** The open review items, oldest first; the read is audited once and under each patient shown. */
  @Transactional
  List<PossibleDuplicateView> openDuplicates() {
    List<PossibleDuplicateView> items = duplicates.open().stream()
        .map(item -> new PossibleDuplicateView(item.id(), side(item.patientId()), side(item.matchedPatientId()),
            item.foundAtSite(), item.foundBy().name(), item.foundAt()))
        .toList();
    UUID listId = UUID.randomUUID();
    audit.record(AuditAction.READ, "PossibleDuplicates", listId, null, null, AuditOutcome.SUCCESS,
        "returned=" + items.size());
    for (PossibleDuplicateView item : items) {
      audit.record(AuditAction.READ, "PossibleDuplicate", item.possibleDuplicateId(), item.patient().patientId(),
          item.foundAtSite(), AuditOutcome.SUCCESS, "list " + listId);
      audit.record(AuditAction.READ, "PossibleDuplicate", item.possibleDuplicateId(),
          item.matchedPatient().patientId(), null, AuditOutcome.SUCCESS, "list " + listId);
    }
    return items;
  }

  @Transactional
  SiteLinkView link(UUID patientId, LinkPatientToSite request, Caller caller) {
    if (!registry.exists(patientId)) {
      throw new NotFound("Patient", patientId);
    }
    if (!sites.exists(request.site())) {
      throw new InvalidField("site", "is not a site of the network");
    }
    if (request.possibleDuplicateId() != null) {
      PossibleDuplicates.Item item = duplicates.findOpen(request.possibleDuplicateId())
          .filter(open -> Set.of(open.patientId(), open.matchedPatientId()).contains(patientId))
          .orElseThrow(() -> new InvalidField("possibleDuplicateId", "is not an open possible duplicate of this patient"));
      duplicates.resolveLinked(item.id(), clock.instant());
    }
    if (registry.knownAt(patientId, request.site())) {
      throw new AlreadyKnownAtSite(request.site());
    }
    Instant now = clock.instant();
    UUID linkId = UUID.randomUUID();
    registry.enrolAt(patientId, request.site());
    jdbc.sql("""
            INSERT INTO patient_site_link (id, patient_id, site, reason, possible_duplicate_id, linked_by, linked_at,
                                           request_id)
            VALUES (:id, :patient, :site, :reason, :duplicate, :by, :at, :requestId)
            """)
        .param("id", linkId)
        .param("patient", patientId)
        .param("site", request.site())
        .param("reason", request.reason().strip())
        .param("duplicate", request.possibleDuplicateId())
        .param("by", caller.username())
        .param("at", Timestamp.from(now))
        .param("requestId", TraceContext.currentRequestId())
        .update();
    // The reason is free text and may name the patient: it stays in patient_site_link, not in the audit row.
    audit.record(AuditAction.CREATE, "PatientSiteLink", linkId, patientId, request.site(), AuditOutcome.SUCCESS,
        request.possibleDuplicateId() == null ? null : "resolves possible duplicate " + request.possibleDuplicateId());
    return new SiteLinkView(linkId, patientId, request.site(), now, registry.sitesOf(patientId));
  }

  private PossibleDuplicateView.Side side(UUID patientId) {
    return new PossibleDuplicateView.Side(patientId, registry.mrnOf(patientId), registry.sitesOf(patientId));
  }

  /** Linking to a site where the patient is already known would hide a mistake: say so. */
  static class AlreadyKnownAtSite extends DomainProblem {

    AlreadyKnownAtSite(String site) {
      super(ProblemType.CONFLICT, "The patient is already known at site " + site, Map.of("site", site));
    }
  }
}
