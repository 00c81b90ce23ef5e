package org.rehabnet.aftercare.relapse;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Naloxone owed after a kit was used. */
interface NaloxoneResupplyTasks extends ListCrudRepository<NaloxoneResupplyTask, UUID> {

  Optional<NaloxoneResupplyTask> findByReportId(UUID reportId);

  List<NaloxoneResupplyTask> findByPlanIdAndCompletedAtIsNullOrderByDueAt(UUID planId);
}
