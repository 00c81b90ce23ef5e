package org.rehabnet.aftercare.alert;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Raised alerts. */
interface AftercareAlerts extends ListCrudRepository<AftercareAlert, UUID> {

  Optional<AftercareAlert> findByReasonAndCauseId(Alerts.Reason reason, UUID causeId);

  Optional<AftercareAlert> findFirstByCauseId(UUID causeId);

  List<AftercareAlert> findBySiteOrderByRaisedAtDesc(String site);

  List<AftercareAlert> findByPlanIdAndAcknowledgedAtIsNull(UUID planId);
}
