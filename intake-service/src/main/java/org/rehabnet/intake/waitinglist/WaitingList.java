package org.rehabnet.intake.waitinglist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rehabnet.intake.assessment.AssessmentRecords;
import org.rehabnet.intake.patient.PatientIdentity;
import org.rehabnet.intake.patient.PatientRegistry;
import org.rehabnet.intake.referral.ReferralBook;
import org.rehabnet.intake.referral.WaitingReferral;
import org.rehabnet.intake.safety.SafetyAlerts;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a site's waiting list for staff of that site (and the clinical lead). */
@Service
class WaitingList {

  private final ReferralBook referrals;
  private final PatientRegistry patients;
  private final AssessmentRecords assessments;
  private final SafetyAlerts safety;
  private final Sites sites;
  private final AuditTrail audit;

  WaitingList(ReferralBook referrals, PatientRegistry patients, AssessmentRecords assessments, SafetyAlerts safety,
      Sites sites, AuditTrail audit) {
    this.referrals = referrals;
    this.patients = patients;
    this.assessments = assessments;
    this.safety = safety;
    this.sites = sites;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<WaitingListEntry> of(String site, Caller caller) {
    SiteScope.readableSite(site, sites.exists(site), caller);
    ZoneId zone = sites.zone(site);
    LocalDate today = sites.today(site);
    List<WaitingReferral> waiting = referrals.waitingAt(site);
    Map<UUID, PatientIdentity> who = patients.identities(
        waiting.stream().map(WaitingReferral::patientId).collect(Collectors.toSet()));
    List<UUID> referralIds = waiting.stream().map(WaitingReferral::referralId).toList();
    Set<UUID> assessed = assessments.assessedAmong(referralIds);
    Set<UUID> alerted = safety.openAmong(referralIds);
    List<WaitingListEntry> entries = new ArrayList<>();
    for (WaitingReferral r : waiting) {
      PatientIdentity patient = who.get(r.patientId());
      if (patient == null) {
        throw new IllegalStateException("Referral " + r.referralId() + " names no registered patient");
      }
      entries.add(new WaitingListEntry(entries.size() + 1, r.referralId(), r.patientId(), patient.mrn(),
          patient.givenName(), patient.familyName(), r.urgency(), r.status(), r.source(), r.receivedAt(),
          DaysWaiting.between(r.receivedAt(), today, zone), assessed.contains(r.referralId()),
          alerted.contains(r.referralId())));
    }
    audit.read("WaitingList", site, null, site);
    return entries;
  }
}
