package org.rehabnet.intake.admission;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.rehabnet.intake.assessment.AdmissionFacts;
import org.rehabnet.intake.assessment.AssessmentRecords;
import org.rehabnet.intake.patient.PatientRegistry;
import org.rehabnet.intake.referral.ReferralBook;
import org.rehabnet.intake.referral.ReferralRef;
import org.rehabnet.intake.site.BedAllocation;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admits the patient of an accepted, assessed referral to a free bed. The referral's change, the bed
 * claim, the admission row and its event commit together or not at all.
 */
@Service
class AdmissionService {

  private static final Logger log = LoggerFactory.getLogger(AdmissionService.class);

  private final Admissions admissions;
  private final ReferralBook referrals;
  private final AssessmentRecords assessments;
  private final BedAllocation beds;
  private final PatientRegistry patients;
  private final Clock clock;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  AdmissionService(Admissions admissions, ReferralBook referrals, AssessmentRecords assessments, BedAllocation beds,
      PatientRegistry patients, Clock clock, AuditTrail audit, PlatformTransactionManager transactionManager) {
    this.admissions = admissions;
    this.referrals = referrals;
    this.assessments = assessments;
    this.beds = beds;
    this.patients = patients;
    this.clock = clock;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * The audit rows commit with the admission: the audit trail writes a success in the caller's own
   * transaction (on its connection), so an admission is never kept without its audit nor audited
   * without being kept.
   */
  AdmissionView admit(AdmitFromReferral request, Caller caller) {
    return transactions.execute(tx -> {
      AdmissionView admission = admitInTransaction(request, caller);
      audit.wrote(AuditAction.UPDATE, "Referral", request.referralId(), admission.patientId(), admission.site());
      audit.wrote(AuditAction.CREATE, "Admission", admission.admissionId(), admission.patientId(), admission.site());
      return admission;
    });
  }

  private AdmissionView admitInTransaction(AdmitFromReferral request, Caller caller) {
    UUID admissionId = UUID.randomUUID();
    // Refuses another site's referral (404), a writer of another site (403) and a referral that is
    // not ACCEPTED (422) before any bed is touched.
    ReferralRef referral = referrals.admit(request.referralId(), admissionId, caller);
    AdmissionFacts facts = assessments.factsFor(referral.referralId());
    String bed = request.bedCode() == null ? beds.assign(referral.site(), admissionId)
        : beds.assign(referral.site(), request.bedCode(), admissionId);
    Instant now = clock.instant();
    Admission admission = admissions.save(Admission.record(admissionId, referral.referralId(), referral.patientId(),
        referral.site(), bed, facts, now, caller.username()));
    return view(admission);
  }

  @Transactional(readOnly = true)
  AdmissionView find(UUID admissionId, Caller caller) {
    Admission admission = SiteScope.readable(admissions.findById(admissionId), Admission::site, caller, "Admission",
        admissionId);
    audit.read("Admission", admission.id(), admission.patientId(), admission.site());
    return view(admission);
  }

  /** Runs inside the event inbox's transaction; a repeated discharge changes nothing. */
  @Transactional(propagation = Propagation.MANDATORY)
  void discharged(PatientDischarged discharge) {
    var found = admissions.findById(discharge.admissionId());
    if (found.isEmpty()) {
      // Not an admission of this network's intake (or a test's): nothing to free.
      log.warn("Discharge {} names unknown admission {}", discharge.metadata().eventId(), discharge.admissionId());
      return;
    }
    Admission admission = found.get();
    if (!admission.discharge(discharge.dischargedAt(), clock.instant())) {
      log.info("{} was already discharged", admission);
      return;
    }
    beds.release(admission.id());
    admissions.save(admission);
    log.info("{} discharged, bed released", admission);
  }

  private AdmissionView view(Admission admission) {
    return new AdmissionView(admission.id(), admission.patientId(), patients.mrnOf(admission.patientId()),
        admission.site(), admission.bed(), admission.admittedAt(), admission.status(), admission.referralId(),
        admission.expectedLengthDays(), admission.dischargedAt());
  }
}
