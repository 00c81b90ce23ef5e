package org.rehabnet.intake.referral;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.rehabnet.intake.patient.PatientRegistry;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.events.aftercare.ReadmissionRequested;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens referrals, moves them through their lifecycle and keeps each site's waiting list. */
@Service
class ReferralService {

  private static final Logger log = LoggerFactory.getLogger(ReferralService.class);

  private final Referrals referrals;
  private final PatientRegistry patients;
  private final Sites sites;
  private final Clock clock;
  private final AuditTrail audit;

  ReferralService(Referrals referrals, PatientRegistry patients, Sites sites, Clock clock, AuditTrail audit) {
    this.referrals = referrals;
    this.patients = patients;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  ReferralView open(OpenReferral request, Caller caller) {
    if (!sites.exists(request.site())) {
      throw new InvalidField("site", "is not a site of the network");
    }
    SiteScope.workingSite(request.site(), caller);
    if (request.source() == ReferralSource.READMISSION) {
      throw new InvalidField("source", "READMISSION referrals are opened by aftercare's readmission request");
    }
    // Only a patient already known at the referring site: a referral never opens a patient's identity
    // and consents to a further site (that is the records team's explicit site link). An unknown id, a
    // patient of sites the caller cannot read and one known only at another of the caller's sites all
    // get this one answer, so the check tells nothing about the network.
    if (!patients.knownAt(request.patientId(), request.site())) {
      throw new InvalidField("patientId", "is not a patient known at this site; register the patient here,"
          + " or ask the records team to link them to this site");
    }
    Referral referral = referrals.save(Referral.open(request.patientId(), request.site(), request.source(),
        request.referrer(), request.urgency(), clock.instant(), caller.username()));
    audit.wrote(AuditAction.CREATE, "Referral", referral.id(), referral.patientId(), referral.site());
    return view(referral);
  }

  @Transactional(readOnly = true)
  ReferralView find(UUID referralId, Caller caller) {
    Referral referral = readable(referralId, caller);
    audit.read("Referral", referral.id(), referral.patientId(), referral.site());
    return view(referral);
  }

  @Transactional
  ReferralView startScreening(UUID referralId, Caller caller) {
    return change(referralId, caller, r -> r.startScreening(clock.instant()));
  }

  @Transactional
  ReferralView accept(UUID referralId, Caller caller) {
    return change(referralId, caller, r -> r.accept(clock.instant()));
  }

  @Transactional
  ReferralView decline(UUID referralId, String reason, Caller caller) {
    return change(referralId, caller, r -> r.decline(reason.strip(), clock.instant()));
  }

  @Transactional
  ReferralView withdraw(UUID referralId, Caller caller) {
    return change(referralId, caller, r -> r.withdraw(clock.instant()));
  }

  /** The open referrals of a site, most urgent first, then by arrival. */
  @Transactional(readOnly = true)
  List<WaitingReferral> waitingAt(String site) {
    return referrals.waitingAt(site).stream()
        .map(r -> new WaitingReferral(r.id(), r.patientId(), r.urgency(), r.status(), r.source(), r.receivedAt()))
        .toList();
  }

  /** Runs inside the event inbox's transaction; a repeated request opens nothing new. */
  @Transactional(propagation = Propagation.MANDATORY)
  void openReadmission(ReadmissionRequested request) {
    if (referrals.existsByReadmissionRequestId(request.requestId())) {
      log.info("Readmission request {} already has a referral", request.requestId());
      return;
    }
    if (!patients.exists(request.patientId()) || !sites.exists(request.site())) {
      // Intake registered every patient aftercare knows; anything else is a fault to look at (DLT).
      throw new IllegalStateException("Readmission request " + request.requestId()
          + " names an unknown patient or site");
    }
    Urgency urgency = switch (request.urgency()) {
      case "EMERGENCY" -> Urgency.EMERGENCY;
      case "URGENT" -> Urgency.URGENT;
      default -> Urgency.ROUTINE;
    };
    Referral referral = referrals.save(Referral.readmission(request.patientId(), request.site(),
        request.previousAdmissionId(), request.requestId(), urgency, clock.instant()));
    patients.enrolAt(referral.patientId(), referral.site());
    log.info("Opened readmission {} for request {}", referral, request.requestId());
  }

  /** For the admission: the referral becomes ADMITTED, or the admission is refused. */
  @Transactional(propagation = Propagation.MANDATORY)
  ReferralRef admit(UUID referralId, UUID admissionId, Caller caller) {
    Referral referral = writable(referralId, caller);
    referral.admit(admissionId, clock.instant());
    referrals.save(referral);
    // Audited by the admission, in the same transaction (see AdmissionService).
    return ref(referral);
  }

  /** For the assessment: a referral the caller may read. */
  ReferralRef readableRef(UUID referralId, Caller caller) {
    return ref(readable(referralId, caller));
  }

  /** For the assessment: a referral the caller may write to. */
  ReferralRef writableRef(UUID referralId, Caller caller) {
    return ref(writable(referralId, caller));
  }

  private ReferralView change(UUID referralId, Caller caller, Consumer<Referral> step) {
    Referral referral = writable(referralId, caller);
    step.accept(referral);
    Referral saved = referrals.save(referral);
    audit.wrote(AuditAction.UPDATE, "Referral", saved.id(), saved.patientId(), saved.site());
    return view(saved);
  }

  private Referral readable(UUID referralId, Caller caller) {
    return SiteScope.readable(referrals.findById(referralId), Referral::site, caller, "Referral", referralId);
  }

  private Referral writable(UUID referralId, Caller caller) {
    return SiteScope.writable(referrals.findById(referralId), Referral::site, caller, "Referral", referralId);
  }

  private ReferralView view(Referral referral) {
    return ReferralView.of(referral, patients.mrnOf(referral.patientId()));
  }

  private static ReferralRef ref(Referral referral) {
    return new ReferralRef(referral.id(), referral.patientId(), referral.site(), referral.status());
  }
}
