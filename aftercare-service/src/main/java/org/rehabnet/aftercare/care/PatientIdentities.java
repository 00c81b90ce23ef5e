package org.rehabnet.aftercare.care;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Registered people's minimum identity, from intake's PatientRegistered events. */
public interface PatientIdentities extends ListCrudRepository<PatientIdentity, UUID> {}
