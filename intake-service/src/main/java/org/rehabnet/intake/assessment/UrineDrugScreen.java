package org.rehabnet.intake.assessment;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;

/**
 * Risk flags from the urine drug screen and the substance history (docs/clinical-rules.md, "Intake",
 * urine drug screen):
 * <ul>
 *   <li>FENTANYL_POSITIVE: fentanyl detected (precipitated withdrawal at induction, overdose education);
 *   <li>FENTANYL_NOT_TESTED: no fentanyl result, or the strip INVALID. The plan cannot assume fentanyl is
 *       absent, so it is treated like a positive screen for timing and the expected length;
 *   <li>BENZODIAZEPINES_WITH_OPIOIDS: benzodiazepine use, by a positive screen or by the patient's own
 *       report, together with opioid use, by either (respiratory-depression risk). Self-report counts
 *       even with a negative screen: immunoassays miss clonazepam and other newer benzodiazepines.
 * </ul>
 * Any other INVALID result raises no flag by itself: an unreadable test is not evidence of use.
 */
final class UrineDrugScreen {

  /** What the screen tests for, with the usual cut-offs noted per result. */
  enum Analyte {
    OPIATES,
    SIX_MAM,
    FENTANYL,
    BUPRENORPHINE,
    METHADONE,
    OXYCODONE,
    BENZODIAZEPINES,
    COCAINE,
    AMPHETAMINES,
    CANNABINOIDS,
    XYLAZINE
  }

  /** One analyte's reading. INVALID is adulterated or unreadable. */
  enum Result {
    POSITIVE,
    NEGATIVE,
    INVALID
  }

  static final Set<Analyte> OPIOIDS = EnumSet.of(Analyte.OPIATES, Analyte.SIX_MAM, Analyte.FENTANYL,
      Analyte.BUPRENORPHINE, Analyte.METHADONE, Analyte.OXYCODONE);

  /**
   * @param results the screen, one reading per analyte tested
   * @param reportedUse the substances of the assessment's substance history
   */
  static Set<UdsFlag> flags(Map<Analyte, Result> results, Collection<Substance> reportedUse) {
    Set<UdsFlag> flags = new TreeSet<>();
    Result fentanyl = results.get(Analyte.FENTANYL);
    if (fentanyl == Result.POSITIVE) {
      flags.add(UdsFlag.FENTANYL_POSITIVE);
    } else if (fentanyl == null || fentanyl == Result.INVALID) {
      flags.add(UdsFlag.FENTANYL_NOT_TESTED);
    }
    boolean benzodiazepines = results.get(Analyte.BENZODIAZEPINES) == Result.POSITIVE
        || reportedUse.contains(Substance.BENZODIAZEPINE);
    boolean opioids = OPIOIDS.stream().anyMatch(a -> results.get(a) == Result.POSITIVE)
        || reportedUse.stream().anyMatch(Substance::opioid);
    if (benzodiazepines && opioids) {
      flags.add(UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS);
    }
    return flags;
  }

  private UrineDrugScreen() {}
}
