package org.rehabnet.intake.assessment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rehabnet.platform.events.clinical.UdsFlag;

/**
 * Risk flags from a urine drug screen: fentanyl positive (induction timing, overdose education);
 * benzodiazepines positive together with any opioid (respiratory-depression risk).
 * Source: shared/clinical-reference.md, "Urine drug screen".
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

  /** One analyte's reading. INVALID (adulterated or unreadable) never raises a flag. */
  enum Result {
    POSITIVE,
    NEGATIVE,
    INVALID
  }

  static final Set<Analyte> OPIOIDS = EnumSet.of(Analyte.OPIATES, Analyte.SIX_MAM, Analyte.FENTANYL,
      Analyte.BUPRENORPHINE, Analyte.METHADONE, Analyte.OXYCODONE);

  static Set<UdsFlag> flags(Map<Analyte, Result> results) {
    Set<UdsFlag> flags = new TreeSet<>();
    if (results.get(Analyte.FENTANYL) == Result.POSITIVE) {
      flags.add(UdsFlag.FENTANYL_POSITIVE);
    }
    boolean opioidPositive = OPIOIDS.stream().anyMatch(a -> results.get(a) == Result.POSITIVE);
    if (results.get(Analyte.BENZODIAZEPINES) == Result.POSITIVE && opioidPositive) {
      flags.add(UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS);
    }
    return flags;
  }

  private UrineDrugScreen() {}
}
