package org.rehabnet.intake.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * BMI = kg / m², to one decimal. Heights outside 100–250 cm and weights outside 25–350 kg are
 * data-entry errors and refused. Source: shared/clinical-reference.md, "Plausible ranges".
 */
final class BodyMassIndex {

  static final String MIN_HEIGHT_CM = "100";
  static final String MAX_HEIGHT_CM = "250";
  static final String MIN_WEIGHT_KG = "25";
  static final String MAX_WEIGHT_KG = "350";

  static BigDecimal of(BigDecimal heightCm, BigDecimal weightKg) {
    if (outside(heightCm, MIN_HEIGHT_CM, MAX_HEIGHT_CM)) {
      throw new IllegalArgumentException("height must be " + MIN_HEIGHT_CM + "–" + MAX_HEIGHT_CM + " cm");
    }
    if (outside(weightKg, MIN_WEIGHT_KG, MAX_WEIGHT_KG)) {
      throw new IllegalArgumentException("weight must be " + MIN_WEIGHT_KG + "–" + MAX_WEIGHT_KG + " kg");
    }
    BigDecimal metres = heightCm.movePointLeft(2);
    return weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
  }

  private static boolean outside(BigDecimal value, String min, String max) {
    return value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0;
  }

  private BodyMassIndex() {}
}
