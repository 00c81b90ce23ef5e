package org.rehabnet.platform.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** See {@link BirthDate}. */
public class BirthDateValidator implements ConstraintValidator<BirthDate, LocalDate> {

  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  /** The zone where a calendar day starts first. */
  private static final ZoneOffset EASTERNMOST = ZoneOffset.ofHours(14);

  @Override
  public boolean isValid(@Nullable LocalDate value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    LocalDate latestToday = LocalDate.now(context.getClockProvider().getClock().withZone(EASTERNMOST));
    return !value.isBefore(EARLIEST) && !value.isAfter(latestToday);
  }
}
