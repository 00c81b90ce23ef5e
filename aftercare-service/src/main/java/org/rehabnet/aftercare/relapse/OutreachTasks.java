package org.rehabnet.aftercare.relapse;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Outreach after relapse reports. */
interface OutreachTasks extends ListCrudRepository<OutreachTask, UUID> {

  List<OutreachTask> findByPlanIdAndCompletedAtIsNullOrderByDueAt(UUID planId);

  List<OutreachTask> findByPlanId(UUID planId);

  List<OutreachTask> findByReportIdIn(Collection<UUID> reportIds);
}
