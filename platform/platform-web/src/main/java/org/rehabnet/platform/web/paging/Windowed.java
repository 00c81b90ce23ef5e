package org.rehabnet.platform.web.paging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list's window policy, on the {@link Window} parameter of a controller method: the span read when
 * the caller names no {@code from}, and the widest span a caller may ask for (ISO-8601 durations).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Windowed {

  /** The span before {@code to} (default: now) read when {@code from} is not given. */
  String defaultSpan() default "PT72H";

  /** The widest window a caller may ask for; wider is a 400. */
  String maxSpan() default "P31D";
}
