package org.rehabnet.intake.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rehabnet.intake.patient.PatientRegistry;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records consents and their revocation; the events leave through the outbox with the row. */
@Service
class ConsentService {

  private final Consents consents;
  private final PatientRegistry patients;
  private final Sites sites;
  private final Clock clock;
  private final AuditTrail audit;

  ConsentService(Consents consents, PatientRegistry patients, Sites sites, Clock clock, AuditTrail audit) {
    this.consents = consents;
    this.patients = patients;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  ConsentView grant(UUID patientId, GrantConsent request, Caller caller) {
    readablePatient(patientId, caller);
    if (!sites.exists(request.site())) {
      throw new InvalidField("site", "is not a site of the network");
    }
    SiteScope.workingSite(request.site(), caller);
    if (!patients.knownAt(patientId, request.site())) {
      // A consent is granted at a site where the patient is known, never a way into a further one.
      throw new InvalidField("site", "is not a site where the patient is known");
    }
    Instant now = clock.instant();
    SigningDate.check(request.signedOn(), now, sites.zone(request.site()));
    if (request.expiresAt() == null && request.expiryEvent() == null) {
      throw new InvalidField("expiresAt", "give an expiry date or an expiry event (42 CFR 2.31)");
    }
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw new InvalidField("expiresAt", "must be in the future");
    }
    Consent consent = consents.save(Consent.grant(patientId, request, now, caller.username()));
    audit.wrote(AuditAction.CREATE, "Consent", consent.id(), patientId, consent.site());
    return ConsentView.of(consent, now);
  }

  @Transactional
  ConsentView revoke(UUID patientId, UUID consentId, Caller caller) {
    Consent consent = SiteScope.writable(consents.findById(consentId).filter(c -> c.patientId().equals(patientId)),
        Consent::site, caller, "Consent", consentId);
    Instant now = clock.instant();
    consent.revoke(now, caller.username());
    Consent saved = consents.save(consent);
    audit.wrote(AuditAction.UPDATE, "Consent", saved.id(), patientId, saved.site());
    return ConsentView.of(saved, now);
  }

  @Transactional(readOnly = true)
  List<ConsentView> list(UUID patientId, Caller caller) {
    readablePatient(patientId, caller);
    Instant now = clock.instant();
    List<ConsentView> views = consents.findByPatientIdOrderByGrantedAt(patientId).stream()
        .map(c -> ConsentView.of(c, now))
        .toList();
    audit.read("Consents", patientId, patientId, null);
    return views;
  }

  private void readablePatient(UUID patientId, Caller caller) {
    patients.readable(patientId, caller);
  }
}
