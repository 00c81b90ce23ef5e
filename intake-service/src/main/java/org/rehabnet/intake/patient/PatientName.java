package org.rehabnet.intake.patient;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a name duplicate detection compares: accents folded, case ignored, runs of spaces,
 * hyphens and apostrophes made one space. "Zoë  O'Brien" and "zoe o brien" are the same person
 * when the birth date matches too.
 */
final class PatientName {

  static String key(String givenName, String familyName) {
    return normalise(givenName) + "|" + normalise(familyName);
  }

  static String normalise(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[\\s'’\\-.]+", " ").strip();
  }

  private PatientName() {}
}
