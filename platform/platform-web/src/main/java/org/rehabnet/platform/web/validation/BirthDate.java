package org.rehabnet.platform.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A person's date of birth: not before 1900 and not after today (today anywhere on Earth, so a
 * birth registered just after midnight in the easternmost zone is not refused). Null is valid:
 * pair with {@code @NotNull} where it is required.
 */
@Documented
@Constraint(validatedBy = BirthDateValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BirthDate {

  String message() default "must be a date of birth between 1900-01-01 and today";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
