package org.rehabnet.intake.patient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.InvalidField;

/**
 * What staff typed into the patient search, read as one of three kinds: an exact medical record
 * number ({@code RN-0000123}), an exact birth date ({@code 1988-05-17}), or the start of a name,
 * normalised as duplicate detection does (accents folded, case ignored, hyphens and apostrophes as
 * spaces) and at least {@value #MIN_NAME_LENGTH} characters long, so a search cannot list a whole
 * site by one letter. The text itself is patient data: it is never logged or audited.
 */
sealed interface PatientQuery {

  int MIN_NAME_LENGTH = 3;
  int MAX_LENGTH = 100;

  Pattern MRN = Pattern.compile("^RN-\\d{7}$", Pattern.CASE_INSENSITIVE);
  Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  /** How the search matched, for the audit row (never the text). */
  String kind();

  /** An exact medical record number. */
  record Mrn(String mrn) implements PatientQuery {
    @Override
    public String kind() {
      return "MRN";
    }
  }

  /** An exact birth date. */
  record BirthDate(LocalDate date) implements PatientQuery {
    @Override
    public String kind() {
      return "BIRTH_DATE";
    }
  }

  /** The normalised start of a word of the given or family name ("zoe o b" finds Zoë O'Brien). */
  record NamePrefix(String prefix) implements PatientQuery {
    @Override
    public String kind() {
      return "NAME";
    }
  }

  static PatientQuery parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidField("q", "give an MRN, a birth date (yyyy-MM-dd) or at least " + MIN_NAME_LENGTH
          + " letters of a name");
    }
    String q = text.strip();
    if (q.length() > MAX_LENGTH) {
      throw new InvalidField("q", "must be at most " + MAX_LENGTH + " characters");
    }
    if (q.indexOf('\u0000') >= 0) {
      throw new InvalidField("q", "must not contain control characters");
    }
    if (MRN.matcher(q).matches()) {
      return new Mrn(q.toUpperCase(Locale.ROOT));
    }
    if (DATE.matcher(q).matches()) {
      try {
        return new BirthDate(LocalDate.parse(q));
      } catch (DateTimeException e) {
        throw new InvalidField("q", "is not a calendar date (yyyy-MM-dd)");
      }
    }
    String prefix = PatientName.normalise(q);
    if (prefix.length() < MIN_NAME_LENGTH) {
      throw new InvalidField("q", "a name search needs at least " + MIN_NAME_LENGTH + " letters");
    }
    return new NamePrefix(prefix);
  }
}
