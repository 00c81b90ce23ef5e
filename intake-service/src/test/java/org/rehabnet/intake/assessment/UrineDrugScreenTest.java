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
import static org.rehabnet.platform.events.clinical.UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS;
import static org.rehabnet.platform.events.clinical.UdsFlag.FENTANYL_NOT_TESTED;
import static org.rehabnet.platform.events.clinical.UdsFlag.FENTANYL_POSITIVE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.clinical.Substance;

/**
 * Replaces the earlier test that asserted an INVALID fentanyl strip raises no flag: an unreadable
 * strip does not rule fentanyl out (issue #12, item 16).
 */
class UrineDrugScreenTest {

  private static final List<Substance> NOTHING_REPORTED = List.of();

  @Test
  void aFentanylPositiveScreenIsFlaggedPositive() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, POSITIVE), NOTHING_REPORTED)).containsExactly(FENTANYL_POSITIVE);
  }

  @Test
  void aNegativeFentanylStripRaisesNoFentanylFlag() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE), NOTHING_REPORTED)).isEmpty();
  }

  @Test
  void anInvalidFentanylStripMeansFentanylWasNotTested() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, INVALID), NOTHING_REPORTED)).containsExactly(FENTANYL_NOT_TESTED);
  }

  @Test
  void aScreenWithoutAFentanylResultMeansFentanylWasNotTested() {
    assertThat(UrineDrugScreen.flags(Map.of(OPIATES, POSITIVE, COCAINE, NEGATIVE), NOTHING_REPORTED))
        .containsExactly(FENTANYL_NOT_TESTED);
  }

  @Test
  void benzodiazepinesOnTheScreenWithAnOpioidOnTheScreenAreFlagged() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, POSITIVE, OPIATES, POSITIVE),
        NOTHING_REPORTED)).containsExactly(BENZODIAZEPINES_WITH_OPIOIDS);
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, POSITIVE, BUPRENORPHINE, POSITIVE),
        NOTHING_REPORTED)).containsExactly(BENZODIAZEPINES_WITH_OPIOIDS);
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, POSITIVE, BENZODIAZEPINES, POSITIVE), NOTHING_REPORTED))
        .containsExactlyInAnyOrder(FENTANYL_POSITIVE, BENZODIAZEPINES_WITH_OPIOIDS);
  }

  @Test
  void reportedBenzodiazepineUseWithReportedHeroinIsFlaggedEvenWithANegativeScreen() {
    // Immunoassays miss clonazepam and other newer benzodiazepines: the patient's word counts.
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, NEGATIVE, OPIATES, NEGATIVE),
        List.of(Substance.HEROIN, Substance.BENZODIAZEPINE))).containsExactly(BENZODIAZEPINES_WITH_OPIOIDS);
  }

  @Test
  void reportedBenzodiazepineUseWithAnOpioidOnTheScreenIsFlagged() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, NEGATIVE, OPIATES, POSITIVE),
        List.of(Substance.BENZODIAZEPINE))).containsExactly(BENZODIAZEPINES_WITH_OPIOIDS);
  }

  @Test
  void benzodiazepinesOnTheScreenWithReportedMethadoneUseAreFlagged() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, POSITIVE),
        List.of(Substance.METHADONE))).containsExactly(BENZODIAZEPINES_WITH_OPIOIDS);
  }

  @Test
  void benzodiazepinesWithoutAnyOpioidAreNotFlagged() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, POSITIVE, OPIATES, NEGATIVE,
        COCAINE, POSITIVE), List.of(Substance.STIMULANT, Substance.ALCOHOL))).isEmpty();
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE), List.of(Substance.BENZODIAZEPINE))).isEmpty();
  }

  @Test
  void opioidsWithoutAnyBenzodiazepineAreNotFlagged() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, NEGATIVE, OPIATES, POSITIVE),
        List.of(Substance.HEROIN))).isEmpty();
  }

  @Test
  void anInvalidReadingOfAnotherAnalyteIsNotEvidenceOfUse() {
    assertThat(UrineDrugScreen.flags(Map.of(FENTANYL, NEGATIVE, BENZODIAZEPINES, INVALID, OPIATES, INVALID),
        NOTHING_REPORTED)).isEmpty();
  }
}
