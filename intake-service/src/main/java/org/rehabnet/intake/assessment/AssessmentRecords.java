package org.rehabnet.intake.assessment;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the admission feature may ask of assessments. */
@Component
public class AssessmentRecords {

  private final AssessmentService assessments;

  AssessmentRecords(AssessmentService assessments) {
    this.assessments = assessments;
  }

  /** The facts an admission carries, or a 422 problem when the referral has no complete assessment. */
  public AdmissionFacts factsFor(UUID referralId) {
    return assessments.factsFor(referralId);
  }
}
