package org.rehabnet.intake.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.rehabnet.intake.referral.ReferralBook;
import org.rehabnet.intake.referral.ReferralRef;
import org.rehabnet.intake.safety.SafetyAlerts;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records pre-admission assessments and computes what follows from them. */
@Service
class AssessmentService {

  private final Assessments assessments;
  private final ReferralBook referrals;
  private final Sites sites;
  private final SafetyAlerts safety;
  private final Clock clock;
  private final AuditTrail audit;

  AssessmentService(Assessments assessments, ReferralBook referrals, Sites sites, SafetyAlerts safety, Clock clock,
      AuditTrail audit) {
    this.assessments = assessments;
    this.referrals = referrals;
    this.sites = sites;
    this.safety = safety;
    this.clock = clock;
    this.audit = audit;
  }

  /** Records the assessment of an open referral, or replaces it; true when it is the first. */
  @Transactional
  Recorded record(UUID referralId, RecordAssessment request, Caller caller) {
    ReferralRef referral = referrals.writable(referralId, caller);
    if (!referral.status().isOpen()) {
      throw new AssessmentClosed(referral.status());
    }
    Instant now = clock.instant();
    // The referral's site is the admitting site: its lengths decide the expected stay.
    PreAdmissionAssessment.Scored scored = score(request, sites.settings(referral.site()).detoxLength(), now);
    var existing = assessments.findByReferralId(referralId);
    PreAdmissionAssessment assessment;
    if (existing.isPresent()) {
      assessment = existing.get();
      assessment.revise(scored, caller.username(), now);
    } else {
      assessment = PreAdmissionAssessment.first(referralId, referral.patientId(), referral.site(), scored,
          caller.username(), now);
    }
    PreAdmissionAssessment saved = assessments.save(assessment);
    audit.wrote(existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, "Assessment", saved.id(),
        saved.patientId(), saved.site());
    if (saved.selfHarmRisk()) {
      // At once, in this transaction: thoughts of self-harm at intake must not wait for an admission.
      safety.selfHarmRiskScreened(referralId, saved.patientId(), saved.site(), saved.id(), caller.username(), now);
    }
    return new Recorded(AssessmentView.of(saved), existing.isEmpty());
  }

  @Transactional
  AssessmentView overrideLength(UUID referralId, OverrideLength request, Caller caller) {
    ReferralRef referral = referrals.writable(referralId, caller);
    if (!referral.status().isOpen()) {
      throw new AssessmentClosed(referral.status());
    }
    PreAdmissionAssessment assessment = assessments.findByReferralId(referralId)
        .orElseThrow(() -> new NotFound("Assessment of referral", referralId));
    assessment.overrideLength(request.days(), request.reason().strip(), caller.username());
    PreAdmissionAssessment saved = assessments.save(assessment);
    audit.wrote(AuditAction.UPDATE, "Assessment", saved.id(), saved.patientId(), saved.site());
    return AssessmentView.of(saved);
  }

  @Transactional(readOnly = true)
  AssessmentView find(UUID referralId, Caller caller) {
    referrals.readable(referralId, caller);
    PreAdmissionAssessment assessment = assessments.findByReferralId(referralId)
        .orElseThrow(() -> new NotFound("Assessment of referral", referralId));
    audit.read("Assessment", assessment.id(), assessment.patientId(), assessment.site());
    return AssessmentView.of(assessment);
  }

  /** What a draft comes to at the referral's site; nothing is stored or audited (no patient data is read). */
  @Transactional(readOnly = true)
  AssessmentPreview preview(UUID referralId, AssessmentDraft draft, Caller caller) {
    ReferralRef referral = referrals.readable(referralId, caller);
    return AssessmentPreview.of(draft, sites.settings(referral.site()).detoxLength());
  }

  /** For the admission, in its transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  AdmissionFacts factsFor(UUID referralId) {
    PreAdmissionAssessment a = assessments.findByReferralId(referralId).orElseThrow(AssessmentMissing::new);
    if (a.substances().isEmpty() || a.udsResults().isEmpty()) {
      throw new AssessmentMissing();
    }
    return new AdmissionFacts(a.dependenceSeverity(),
        a.substances().stream()
            .map(s -> new AdmissionFacts.SubstanceFact(s.substance(), s.route(), s.lastUseAt()))
            .toList(),
        new TreeSet<>(a.udsFlags()), a.mentalHealthFlags(), a.expectedLengthDays());
  }

  private PreAdmissionAssessment.Scored score(RecordAssessment r, SiteSettings.DetoxLength lengths, Instant now) {
    List<RecordAssessment.Substance> substances = r.substances();
    for (int i = 0; i < substances.size(); i++) {
      if (substances.get(i).lastUseAt().isAfter(now)) {
        throw new InvalidField("substances[" + i + "].lastUseAt", "must not be in the future");
      }
    }
    Map<UrineDrugScreen.Analyte, UrineDrugScreen.Result> uds = new EnumMap<>(UrineDrugScreen.Analyte.class);
    for (int i = 0; i < r.urineDrugScreen().size(); i++) {
      var reading = r.urineDrugScreen().get(i);
      if (uds.put(reading.analyte(), reading.result()) != null) {
        throw new InvalidField("urineDrugScreen[" + i + "].analyte", "is listed more than once");
      }
    }
    Set<UdsFlag> udsFlags = UrineDrugScreen.flags(uds,
        substances.stream().map(RecordAssessment.Substance::substance).toList());
    DependenceSeverity severity = OudSeverity.of(r.oudCriteria(), r.opioidsOnlyUnderMedicalSupervision());
    double longestDailyOpioidUse = substances.stream()
        .filter(s -> s.substance().opioid() && s.frequency() == RecordAssessment.Frequency.DAILY)
        .mapToDouble(s -> s.yearsOfUse().doubleValue())
        .max().orElse(0);
    int days = ExpectedDetoxLength.days(lengths, severity, longestDailyOpioidUse,
        udsFlags.contains(UdsFlag.FENTANYL_POSITIVE) || udsFlags.contains(UdsFlag.FENTANYL_NOT_TESTED));
    return new PreAdmissionAssessment.Scored(r.heightCm(), r.weightKg(), BodyMassIndex.of(r.heightCm(), r.weightKg()),
        r.oudCriteria().stream().sorted().toList(), r.opioidsOnlyUnderMedicalSupervision(),
        OudSeverity.countedCriteria(r.oudCriteria(), r.opioidsOnlyUnderMedicalSupervision()), severity, r.phq9(),
        Phq9.score(r.phq9()), r.gad7(), Gad7.score(r.gad7()), r.mentalHealthHistory().stream().sorted().toList(),
        udsFlags, r.previousDetoxEpisodes(), r.previousOverdoses(), r.pregnancyStatus(), days,
        substances.stream().map(s -> new SubstanceEntry(s.substance(), s.amount(), s.route(), s.frequency(),
            s.yearsOfUse(), s.lastUseAt())).toList(),
        r.urineDrugScreen().stream().map(u -> new UdsEntry(u.analyte(), u.result(), u.cutoffNgPerMl())).toList());
  }

  /** The stored assessment, and whether it was the first for its referral. */
  record Recorded(AssessmentView view, boolean created) {}
}
