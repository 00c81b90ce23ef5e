package org.rehabnet.aftercare.checkin;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Recorded check-ins. */
interface CheckIns extends ListCrudRepository<CheckIn, UUID> {

  List<CheckIn> findByPlanIdOrderByCheckedInOn(UUID planId);
}
