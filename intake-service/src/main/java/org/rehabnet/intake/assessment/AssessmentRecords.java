package org.rehabnet.intake.assessment;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the admission feature may ask of assessments. */
@Component
public class AssessmentRecords {

  private final AssessmentService assessments;
  private final Assessments store;

  AssessmentRecords(AssessmentService assessments, Assessments store) {
    this.assessments = assessments;
    this.store = store;
  }

  /** Which of these referrals have a pre-admission assessment (for the waiting list). */
  public Set<UUID> assessedAmong(Collection<UUID> referralIds) {
    return referralIds.isEmpty() ? Set.of() : Set.copyOf(store.assessedAmong(referralIds));
  }

  /** The facts an admission carries, or a 422 problem when the referral has no complete assessment. */
  public AdmissionFacts factsFor(UUID referralId) {
    return assessments.factsFor(referralId);
  }
}
