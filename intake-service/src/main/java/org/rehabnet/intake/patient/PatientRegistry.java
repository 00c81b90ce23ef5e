package org.rehabnet.intake.patient;

import java.time.Clock;
import java.util.UUID;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.problem.WrongSite;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers people with a network-wide id and medical record number, once: the same name and birth
 * date anywhere in the network is the same person. Also knows at which sites a patient is known, which
 * decides who may read the patient's identity.
 */
@Service
public class PatientRegistry {

  private final Patients patients;
  private final Sites sites;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditTrail audit;

  PatientRegistry(Patients patients, Sites sites, JdbcClient jdbc, Clock clock, AuditTrail audit) {
    this.patients = patients;
    this.sites = sites;
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  PatientView register(RegisterPatient person, Caller caller) {
    if (!sites.exists(person.site())) {
      throw new InvalidField("site", "is not a site of the network");
    }
    if (!caller.worksAt(person.site())) {
      throw new WrongSite(person.site());
    }
    String nameKey = PatientName.key(person.givenName(), person.familyName());
    // Two sites registering the same person at the same moment: serialise on the identity so the
    // second one finds the first instead of creating a twin (the lock ends with the transaction).
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:identity, 0))")
        .param("identity", nameKey + "|" + person.dateOfBirth())
        .query(Object.class).single();
    patients.findDuplicate(nameKey, person.dateOfBirth()).ifPresent(existing -> {
      throw new DuplicatePatient(existing.id());
    });
    long number = jdbc.sql("SELECT nextval('patient_mrn_seq')").query(Long.class).single();
    Patient patient = patients.save(Patient.register("RN-%07d".formatted(number), person, clock.instant()));
    enrolAt(patient.id(), person.site());
    audit.wrote(AuditAction.CREATE, "Patient", patient.id(), patient.id(), person.site());
    return PatientView.of(patient);
  }

  @Transactional(readOnly = true)
  PatientView find(UUID patientId, Caller caller) {
    Patient patient = patients.findById(patientId)
        .filter(p -> readableBy(p.id(), caller))
        .orElseThrow(() -> new NotFound("Patient", patientId));
    audit.read("Patient", patient.id(), patient.id(), null);
    return PatientView.of(patient);
  }

  public boolean exists(UUID patientId) {
    return patients.existsById(patientId);
  }

  /** The medical record number, for views of other features. */
  public String mrnOf(UUID patientId) {
    return patients.findById(patientId).map(Patient::mrn)
        .orElseThrow(() -> new IllegalStateException("No patient " + patientId));
  }

  /** Staff of a site where the patient is known (registered or referred), or a clinical lead. */
  public boolean readableBy(UUID patientId, Caller caller) {
    if (caller.hasRole(org.rehabnet.platform.web.security.Roles.CLINICAL_LEAD)) {
      return true;
    }
    return !caller.sites().isEmpty() && jdbc.sql("""
            SELECT count(*) FROM patient_site WHERE patient_id = :patient AND site IN (:sites)
            """)
        .param("patient", patientId)
        .param("sites", caller.sites())
        .query(Long.class).single() > 0;
  }

  /** The patient is now known at the site (a referral there); idempotent. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enrolAt(UUID patientId, String site) {
    jdbc.sql("INSERT INTO patient_site (patient_id, site, since) VALUES (:patient, :site, :now)"
            + " ON CONFLICT DO NOTHING")
        .param("patient", patientId)
        .param("site", site)
        .param("now", java.sql.Timestamp.from(clock.instant()))
        .update();
  }
}
