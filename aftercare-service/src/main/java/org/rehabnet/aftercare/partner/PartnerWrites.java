package org.rehabnet.aftercare.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Encounter;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.aftercare.consent.ConsentRegistry;
import org.rehabnet.aftercare.groups.AttendanceHistory.AttendedSession;
import org.rehabnet.aftercare.groups.PartnerGroups;
import org.rehabnet.aftercare.groups.PartnerGroups.Presence;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner records attendance at a session of a group it runs, for a member whose active consent
 * names the partner for ATTENDANCE and the stated purpose; otherwise 404, as for a read.
 */
@Service
class PartnerWrites {

  private final PartnerGroups groups;
  private final ConsentRegistry consents;
  private final PatientDirectory directory;
  private final AuditTrail audit;
  private final Clock clock;
  private final ConsentRefusals refusals;

  PartnerWrites(PartnerGroups groups, ConsentRegistry consents, PatientDirectory directory, AuditTrail audit,
      Clock clock, ConsentRefusals refusals) {
    this.groups = groups;
    this.consents = consents;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
    this.refusals = refusals;
  }

  @Transactional
  Encounter recordAttendance(UUID groupId, UUID patientId, @Nullable LocalDate date, @Nullable Instant at,
      Presence presence, Caller caller, PurposeOfUse purpose) {
    String partnerOrg = PartnerReads.partnerOrg(caller);
    if (!groups.runs(groupId, partnerOrg)) {
      throw new NotFound("Support group", groupId);
    }
    LocalDate on = date != null ? date : groups.sessionDateAt(groupId, partnerOrg, Objects.requireNonNull(at));
    String site = directory.siteOf(patientId).orElse(null);
    ConsentDecision decision = site == null
        ? ConsentDecision.unknownPatient()
        : ConsentDecision.decide(consents.consentsOf(patientId), partnerOrg, DataCategory.ATTENDANCE, purpose,
            clock.instant());
    if (decision.consent() == null) {
      refusals.refused(partnerOrg, DataCategory.ATTENDANCE, decision);
      audit.record(AuditAction.CREATE, "Encounter", groupId, patientId, site,
          site == null ? AuditOutcome.NOT_FOUND : AuditOutcome.REFUSED, decision.reason());
      throw new NotFound("Patient", patientId);
    }
    AttendedSession session = groups.recordAttendance(groupId, partnerOrg, on, patientId, presence,
        caller.username());
    return FhirResources.attendance(patientId, session, presence == Presence.PRESENT);
  }
}
