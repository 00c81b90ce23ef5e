package org.rehabnet.intake.admission;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All admissions of the network; each belongs to one site. */
interface Admissions extends ListCrudRepository<Admission, UUID> {}
