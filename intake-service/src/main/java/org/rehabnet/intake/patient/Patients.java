package org.rehabnet.intake.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All patients of the network. */
interface Patients extends ListCrudRepository<Patient, UUID> {

  /**
   * Everyone registered with this identity: one person, but possibly more than one record while a
   * match across sites waits for the records team (see {@link PossibleDuplicates}).
   */
  @Query("SELECT * FROM patient WHERE name_key = :nameKey AND date_of_birth = :dateOfBirth ORDER BY registered_at")
  List<Patient> findSameIdentity(String nameKey, LocalDate dateOfBirth);
}
