package org.rehabnet.intake.site;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.web.problem.FieldError;

/**
 * What a site's settings must hold beyond the single-number bounds of {@link SiteSettings} (which
 * bean validation checks): the times have no annotation there, and several numbers only make sense
 * together. Each limit is the outer edge of the guidance in docs/clinical-rules.md ("Site settings"):
 * a site may be stricter than a default, never looser than the guidance, and never self-contradictory
 * (a single dose above the day's maximum). Every broken rule is reported, each naming its field.
 */
final class SiteSettingsRules {

  private final List<FieldError> errors = new ArrayList<>();

  static List<FieldError> check(SiteSettings s) {
    SiteSettingsRules rules = new SiteSettingsRules();
    rules.reassessment(s.reassessment());
    rules.buprenorphine(s.buprenorphine());
    rules.methadone(s.methadone());
    rules.holds(s.holds());
    rules.alerts(s.alerts());
    rules.aftercare(s.aftercare());
    rules.detoxLength(s.detoxLength());
    return List.copyOf(rules.errors);
  }

  private void detoxLength(SiteSettings.DetoxLength d) {
    // Heavier dependence never gets a shorter stay than lighter dependence.
    notAbove("settings.detoxLength.mildDays", d.mildDays(), d.moderateDays(), "moderateDays");
    notAbove("settings.detoxLength.moderateDays", d.moderateDays(), d.severeDays(), "severeDays");
    notAbove("settings.detoxLength.severeDays", d.severeDays(), d.extendedDays(), "extendedDays");
  }

  private void reassessment(SiteSettings.Reassessment r) {
    // NEWS2 never monitors less often than 12-hourly (RCP 2017); 4-hourly COWS is the default.
    within("settings.reassessment.routineInterval", r.routineInterval(), Duration.ofMinutes(30),
        Duration.ofHours(12));
    within("settings.reassessment.intensiveInterval", r.intensiveInterval(), Duration.ofMinutes(15),
        Duration.ofHours(4));
    if (r.intensiveInterval().compareTo(r.routineInterval()) > 0) {
      error("settings.reassessment.intensiveInterval", "must not be longer than routineInterval");
    }
  }

  private void buprenorphine(SiteSettings.Buprenorphine b) {
    String at = "settings.buprenorphine.";
    within(at + "cowsValidFor", b.cowsValidFor(), Duration.ofMinutes(15), Duration.ofHours(4));
    // TIP 63: at least 12 h after heroin or another short-acting opioid; further doses 2 h apart or more.
    within(at + "shortActingOpioidWait", b.shortActingOpioidWait(), Duration.ofHours(12), Duration.ofHours(72));
    within(at + "minimumInterval", b.minimumInterval(), Duration.ofHours(2), Duration.ofHours(24));
    within(at + "fentanylExtendedWait", b.fentanylExtendedWait(), Duration.ofHours(12), Duration.ofHours(96));
    if (b.fentanylExtendedWait() != null && b.shortActingOpioidWait() != null
        && b.fentanylExtendedWait().compareTo(b.shortActingOpioidWait()) < 0) {
      error(at + "fentanylExtendedWait", "must not be shorter than shortActingOpioidWait");
    }
    milligrams(at + "singleDoseMinMg", b.singleDoseMinMg());
    milligrams(at + "singleDoseMaxMg", b.singleDoseMaxMg());
    milligrams(at + "dayOneMaxMg", b.dayOneMaxMg());
    milligrams(at + "dayOneDocumentedMaxMg", b.dayOneDocumentedMaxMg());
    milligrams(at + "dayTwoStepMinMg", b.dayTwoStepMinMg());
    milligrams(at + "dayTwoStepMaxMg", b.dayTwoStepMaxMg());
    milligrams(at + "dayTwoMaxMg", b.dayTwoMaxMg());
    milligrams(at + "dailyMaxMg", b.dailyMaxMg());
    milligrams(at + "lowDoseSingleDoseMaxMg", b.lowDoseSingleDoseMaxMg());
    notAbove(at + "singleDoseMinMg", b.singleDoseMinMg(), b.singleDoseMaxMg(), "singleDoseMaxMg");
    notAbove(at + "singleDoseMaxMg", b.singleDoseMaxMg(), b.dayOneMaxMg(), "dayOneMaxMg");
    notAbove(at + "dayTwoStepMinMg", b.dayTwoStepMinMg(), b.dayTwoStepMaxMg(), "dayTwoStepMaxMg");
    notAbove(at + "dayOneMaxMg", b.dayOneMaxMg(), b.dayTwoMaxMg(), "dayTwoMaxMg");
    notAbove(at + "dayTwoMaxMg", b.dayTwoMaxMg(), b.dailyMaxMg(), "dailyMaxMg");
    notAbove(at + "dayOneDocumentedMaxMg", b.dayOneDocumentedMaxMg(), b.dailyMaxMg(), "dailyMaxMg");
    notAbove(at + "lowDoseSingleDoseMaxMg", b.lowDoseSingleDoseMaxMg(), b.singleDoseMaxMg(), "singleDoseMaxMg");
  }

  private void methadone(SiteSettings.Methadone m) {
    String at = "settings.methadone.";
    // Guidance: a further dose 2-4 h after the first; never sooner than 2 h.
    within(at + "minimumInterval", m.minimumInterval(), Duration.ofHours(2), Duration.ofHours(24));
    milligrams(at + "firstDoseMaxMg", m.firstDoseMaxMg());
    milligrams(at + "furtherDoseMaxMg", m.furtherDoseMaxMg());
    milligrams(at + "dayOneMaxMg", m.dayOneMaxMg());
    milligrams(at + "increaseStepMaxMg", m.increaseStepMaxMg());
    notAbove(at + "firstDoseMaxMg", m.firstDoseMaxMg(), m.dayOneMaxMg(), "dayOneMaxMg");
  }

  private void holds(SiteSettings.Holds h) {
    within("settings.holds.observationsValidFor", h.observationsValidFor(), Duration.ofMinutes(15),
        Duration.ofHours(4));
  }

  private void alerts(SiteSettings.Alerts a) {
    // Zero means an open alert never hides a new one; longer than 4 h would hide a new danger for a shift.
    within("settings.alerts.repeatSuppressionWindow", a.repeatSuppressionWindow(), Duration.ZERO,
        Duration.ofHours(4));
  }

  private void aftercare(SiteSettings.Aftercare a) {
    String at = "settings.aftercare.";
    within(at + "relapseOutreachWithin", a.relapseOutreachWithin(), Duration.ofHours(1), Duration.ofHours(72));
    within(at + "urgentOutreachWithin", a.urgentOutreachWithin(), Duration.ofMinutes(15), Duration.ofHours(4));
    if (a.urgentOutreachWithin() != null && a.relapseOutreachWithin() != null
        && a.urgentOutreachWithin().compareTo(a.relapseOutreachWithin()) > 0) {
      error(at + "urgentOutreachWithin", "must not be longer than relapseOutreachWithin");
    }
    period(at + "earlyCheckInEvery", a.earlyCheckInEvery(), 1, 31);
    period(at + "earlyPhase", a.earlyPhase(), 7, 183);
    period(at + "middleCheckInEvery", a.middleCheckInEvery(), 7, 92);
    period(at + "middlePhase", a.middlePhase(), 30, 730);
    period(at + "lateCheckInEvery", a.lateCheckInEvery(), 28, 183);
    if (a.earlyPhase() != null && a.middlePhase() != null && days(a.earlyPhase()) >= days(a.middlePhase())) {
      error(at + "middlePhase", "must be longer than earlyPhase");
    }
  }

  /** Whole minutes from {@code min} to {@code max}; a missing one is bean validation's to report. */
  private void within(String field, @Nullable Duration value, Duration min, Duration max) {
    if (value == null) {
      return;
    }
    if (value.toSecondsPart() != 0 || value.toNanosPart() != 0) {
      error(field, "must be whole minutes");
    } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      error(field, "must be from " + min + " to " + max);
    }
  }

  /** Whole days, weeks, months or years, from about {@code minDays} to about {@code maxDays}. */
  private void period(String field, @Nullable Period value, int minDays, int maxDays) {
    if (value == null) {
      return;
    }
    if (value.isNegative() || value.isZero()) {
      error(field, "must be a positive period");
      return;
    }
    long days = days(value);
    if (days < minDays || days > maxDays) {
      error(field, "must be from " + minDays + " to " + maxDays + " days");
    }
  }

  /** A period's length in days, months counted as 30.4 and years as 365: enough to compare policies. */
  private static long days(Period p) {
    return Math.round(p.getYears() * 365.0 + p.getMonths() * 30.4 + p.getDays());
  }

  /** A dose a nurse can measure: at most two decimals (0.25 mg, never 2.125 mg). */
  private void milligrams(String field, @Nullable BigDecimal value) {
    if (value != null && value.stripTrailingZeros().scale() > 2) {
      error(field, "must have at most two decimals");
    }
  }

  private void notAbove(String field, @Nullable BigDecimal value, @Nullable BigDecimal limit, String limitName) {
    if (value != null && limit != null && value.compareTo(limit) > 0) {
      error(field, "must not be above " + limitName);
    }
  }

  private void notAbove(String field, int value, int limit, String limitName) {
    if (value > limit) {
      error(field, "must not be above " + limitName);
    }
  }

  private void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  private SiteSettingsRules() {}
}
