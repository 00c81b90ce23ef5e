package org.rehabnet.intake.consent;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Consents of all patients. */
interface Consents extends ListCrudRepository<Consent, UUID> {

  List<Consent> findByPatientIdOrderByGrantedAt(UUID patientId);
}
