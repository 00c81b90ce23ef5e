package org.rehabnet.intake.referral;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All referrals of the network; each belongs to one site. */
interface Referrals extends ListCrudRepository<Referral, UUID> {

  boolean existsByReadmissionRequestId(UUID readmissionRequestId);

  @Query("SELECT * FROM referral WHERE site = :site AND status IN ('NEW', 'SCREENING', 'ACCEPTED')"
      + " ORDER BY urgency_rank, received_at, id")
  List<Referral> waitingAt(String site);
}
