package org.rehabnet.intake.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.rehabnet.platform.web.problem.InvalidField;

/**
 * A consent cannot be signed in the future (42 CFR 2.31 requires the date of signature). "Today" is
 * the date at the consent's site, not the server's: at 23:30 in Chicago it is already tomorrow in UTC,
 * and a check in UTC would take a consent dated tomorrow in Chicago (docs/clinical-rules.md, "Intake").
 */
final class SigningDate {

  static void check(LocalDate signedOn, Instant now, ZoneId siteZone) {
    LocalDate today = now.atZone(siteZone).toLocalDate();
    if (signedOn.isAfter(today)) {
      throw new InvalidField("signedOn", "must not be after today at the site (" + today + ")");
    }
  }

  private SigningDate() {}
}
