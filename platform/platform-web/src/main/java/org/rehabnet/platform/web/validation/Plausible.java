package org.rehabnet.platform.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or instant within a window around now that fits what the field means: a vital sign taken
 * within the last days ({@code past = "P7D", future = "PT5M"}), a consent signed within the last
 * years, a group session scheduled within the next years. {@code past} and {@code future} are ISO-8601
 * durations ({@code PT5M}, {@code P7D}) or periods ({@code P1Y}); a {@code LocalDate} is compared by
 * calendar day in UTC with one day of grace either side for time zones. Null is valid.
 * Applies to {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} and {@code LocalDate}.
 */
@Documented
@Constraint(validatedBy = {PlausibleValidator.ForInstant.class, PlausibleValidator.ForOffsetDateTime.class,
    PlausibleValidator.ForZonedDateTime.class, PlausibleValidator.ForLocalDate.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Plausible {

  /** How far back the value may lie. */
  String past();

  /** How far ahead the value may lie. */
  String future();

  String message() default "must lie between {past} before and {future} after now";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
