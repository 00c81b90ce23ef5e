package org.rehabnet.aftercare.relapse;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Lapse and relapse reports. */
interface RelapseReports extends ListCrudRepository<RelapseReport, UUID> {

  List<RelapseReport> findByPlanIdOrderByReportedAt(UUID planId);
}
