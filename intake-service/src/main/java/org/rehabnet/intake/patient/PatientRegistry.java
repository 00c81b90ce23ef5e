package org.rehabnet.intake.patient;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers people with a network-wide medical record number. */
@Service
public class PatientRegistry {

  private final Patients patients;
  private final JdbcClient jdbc;
  private final Clock clock;

  PatientRegistry(Patients patients, JdbcClient jdbc, Clock clock) {
    this.patients = patients;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public Patient register(String givenName, String familyName, LocalDate dateOfBirth) {
    long number = jdbc.sql("SELECT nextval('patient_mrn_seq')").query(Long.class).single();
    String mrn = "RN-%07d".formatted(number);
    return patients.save(Patient.register(mrn, givenName, familyName, dateOfBirth, clock.instant()));
  }
}
