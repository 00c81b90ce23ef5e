package org.rehabnet.aftercare.care;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whom aftercare knows, and at which site: the latest admission's site when there is one, otherwise
 * the site that registered the person. Built only from intake's events, never by asking intake.
 */
@Component
public class PatientDirectory {

  private final PatientsInCare inCare;
  private final PatientIdentities identities;

  PatientDirectory(PatientsInCare inCare, PatientIdentities identities) {
    this.inCare = inCare;
    this.identities = identities;
  }

  /** The site responsible for the person, if aftercare knows them. */
  public Optional<String> siteOf(UUID patientId) {
    // map() drops a null site: a copy created from a correction before its registration names none yet.
    return inCare.findById(patientId).map(PatientInCare::site)
        .or(() -> identities.findById(patientId).map(PatientIdentity::registeredAtSite));
  }

  public boolean knows(UUID patientId) {
    return siteOf(patientId).isPresent();
  }

  /** The person's MRN, name and birth date as intake last sent them, if aftercare has them. */
  public Optional<IdentifiedPatient> identified(UUID patientId) {
    return identities.findById(patientId).map(IdentifiedPatient::of);
  }
}
