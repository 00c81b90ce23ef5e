package org.rehabnet.intake.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Pre-admission assessments, one per referral. */
interface Assessments extends ListCrudRepository<PreAdmissionAssessment, UUID> {

  Optional<PreAdmissionAssessment> findByReferralId(UUID referralId);

  @Query("SELECT referral_id FROM assessment WHERE referral_id IN (:referralIds)")
  List<UUID> assessedAmong(Collection<UUID> referralIds);
}
