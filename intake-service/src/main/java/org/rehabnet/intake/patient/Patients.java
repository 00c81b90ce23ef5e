package org.rehabnet.intake.patient;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All patients of the network. */
public interface Patients extends ListCrudRepository<Patient, UUID> {}
