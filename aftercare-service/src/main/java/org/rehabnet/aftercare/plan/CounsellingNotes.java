package org.rehabnet.aftercare.plan;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Individual counselling notes, apart from the plan. */
interface CounsellingNotes extends ListCrudRepository<CounsellingNote, UUID> {

  List<CounsellingNote> findByPlanIdOrderByWrittenAt(UUID planId);
}
