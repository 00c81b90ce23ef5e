package org.rehabnet.intake.assessment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Pre-admission assessments, one per referral. */
interface Assessments extends ListCrudRepository<PreAdmissionAssessment, UUID> {

  Optional<PreAdmissionAssessment> findByReferralId(UUID referralId);
}
