package org.rehabnet.aftercare.care;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** The people aftercare knows of, from intake's events. */
public interface PatientsInCare extends ListCrudRepository<PatientInCare, UUID> {}
