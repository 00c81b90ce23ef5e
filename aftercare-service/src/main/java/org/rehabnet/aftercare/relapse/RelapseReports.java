package org.rehabnet.aftercare.relapse;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Lapse and relapse reports. */
interface RelapseReports extends ListCrudRepository<RelapseReport, UUID> {

  List<RelapseReport> findByPlanIdOrderByReportedAt(UUID planId);

  Optional<RelapseReport> findBySourceAndSourceRecordId(RelapseSource source, UUID sourceRecordId);
}
