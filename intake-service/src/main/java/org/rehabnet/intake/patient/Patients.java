package org.rehabnet.intake.patient;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All patients of the network. */
interface Patients extends ListCrudRepository<Patient, UUID> {

  @Query("SELECT * FROM patient WHERE name_key = :nameKey AND date_of_birth = :dateOfBirth"
      + " ORDER BY registered_at LIMIT 1")
  Optional<Patient> findDuplicate(String nameKey, LocalDate dateOfBirth);
}
