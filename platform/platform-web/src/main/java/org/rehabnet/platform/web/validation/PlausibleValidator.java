package org.rehabnet.platform.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import org.jspecify.annotations.Nullable;

/** See {@link Plausible}; one validator per supported type, sharing the window arithmetic. */
public abstract class PlausibleValidator<T> implements ConstraintValidator<Plausible, T> {

  private TemporalAmount past = Duration.ZERO;
  private TemporalAmount future = Duration.ZERO;

  @Override
  public void initialize(Plausible annotation) {
    past = amount(annotation.past());
    future = amount(annotation.future());
  }

  @Override
  public boolean isValid(@Nullable T value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    Instant now = context.getClockProvider().getClock().instant();
    return within(value, now);
  }

  abstract boolean within(T value, Instant now);

  boolean withinInstant(Instant value, Instant now) {
    ZonedDateTime utcNow = now.atZone(ZoneOffset.UTC);
    return !value.isBefore(utcNow.minus(past).toInstant()) && !value.isAfter(utcNow.plus(future).toInstant());
  }

  boolean withinDate(LocalDate value, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return !value.isBefore(today.minus(past).minusDays(1)) && !value.isAfter(today.plus(future).plusDays(1));
  }

  /** A duration ({@code PT5M}, {@code P7D}) or, with years or months, a period ({@code P1Y}). */
  static TemporalAmount amount(String iso) {
    try {
      return Duration.parse(iso);
    } catch (java.time.format.DateTimeParseException notADuration) {
      return Period.parse(iso);
    }
  }

  public static final class ForInstant extends PlausibleValidator<Instant> {
    @Override
    boolean within(Instant value, Instant now) {
      return withinInstant(value, now);
    }
  }

  public static final class ForOffsetDateTime extends PlausibleValidator<OffsetDateTime> {
    @Override
    boolean within(OffsetDateTime value, Instant now) {
      return withinInstant(value.toInstant(), now);
    }
  }

  public static final class ForZonedDateTime extends PlausibleValidator<ZonedDateTime> {
    @Override
    boolean within(ZonedDateTime value, Instant now) {
      return withinInstant(value.toInstant(), now);
    }
  }

  public static final class ForLocalDate extends PlausibleValidator<LocalDate> {
    @Override
    boolean within(LocalDate value, Instant now) {
      return withinDate(value, now);
    }
  }
}
