package org.rehabnet.intake.admission;

import java.time.Clock;
import java.util.UUID;
import org.rehabnet.intake.patient.Patient;
import org.rehabnet.intake.patient.PatientRegistry;
import org.rehabnet.intake.patient.Patients;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admits patients to a site; the admission row and its event commit together. */
@Service
class AdmissionService {

  private final Admissions admissions;
  private final PatientRegistry registry;
  private final Patients patients;
  private final Sites sites;
  private final Clock clock;
  private final AuditTrail audit;

  AdmissionService(Admissions admissions, PatientRegistry registry, Patients patients, Sites sites, Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.admissions = admissions;
    this.registry = registry;
    this.patients = patients;
    this.sites = sites;
    this.clock = clock;
  }

  @Transactional
  AdmissionView admit(AdmitPatient request, Caller caller) {
    if (!sites.exists(request.site())) {
      throw new InvalidField("site", "is not a site of the network");
    }
    if (!caller.worksAt(request.site())) {
      throw new WrongSite(request.site());
    }
    var person = request.patient();
    Patient patient = registry.register(person.givenName(), person.familyName(), person.dateOfBirth());
    Admission admission = admissions.save(Admission.record(patient.id(), request.site(), clock.instant(),
        caller.username()));
    audit.wrote(AuditAction.CREATE, "Admission", admission.id(), patient.id(), admission.site());
    return view(admission, patient);
  }

  @Transactional(readOnly = true)
  AdmissionView find(UUID admissionId, Caller caller) {
    Admission admission = admissions.findById(admissionId)
        .filter(a -> caller.canRead(a.site()))
        .orElseThrow(() -> new NotFound("Admission", admissionId));
    Patient patient = patients.findById(admission.patientId())
        .orElseThrow(() -> new IllegalStateException("Admission " + admissionId + " has no patient"));
    audit.read("Admission", admission.id(), patient.id(), admission.site());
    return view(admission, patient);
  }

  private static AdmissionView view(Admission admission, Patient patient) {
    return new AdmissionView(admission.id(), patient.id(), patient.mrn(), admission.site(), admission.bed(),
        admission.admittedAt(), admission.status());
  }
}
