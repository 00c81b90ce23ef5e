package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Analyte.BENZODIAZEPINES;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Analyte.BUPRENORPHINE;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Analyte.COCAINE;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Analyte.FENTANYL;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Analyte.OPIATES;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Result.INVALID;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Result.NEGATIVE;
import static org.rehabnet.intake.assessment.UrineDrugScreen.Result.POSITIVE;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.clinical.UdsFlag;

class UrineDrugScreenTest {

  @Test
  void fentanylPositiveIsFlaggedAndAlsoCountsAsAnOpioidWithBenzodiazepines() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, POSITIVE)))
        .containsExactly(UdsFlag.FENTANYL_POSITIVE);
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, POSITIVE, BENZODIAZEPINES, POSITIVE)))
        .containsExactlyInAnyOrder(UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS, UdsFlag.FENTANYL_POSITIVE);
  }

  @Test
  void benzodiazepinesAreFlaggedOnlyTogetherWithAPositiveOpioid() {
    assertThat(UrineDrugScreen.flags(Map.of(BENZODIAZEPINES, POSITIVE, OPIATES, POSITIVE)))
        .containsExactly(UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS);
    assertThat(UrineDrugScreen.flags(Map.of(BENZODIAZEPINES, POSITIVE, BUPRENORPHINE, POSITIVE)))
        .containsExactly(UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS);
    assertThat(UrineDrugScreen.flags(Map.of(BENZODIAZEPINES, POSITIVE, OPIATES, NEGATIVE, COCAINE, POSITIVE)))
        .isEmpty();
  }

  @Test
  void negativeOrInvalidResultsRaiseNoFlag() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, INVALID, BENZODIAZEPINES, POSITIVE, OPIATES, INVALID)))
        .isEmpty();
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE))).isEmpty();
  }
}
