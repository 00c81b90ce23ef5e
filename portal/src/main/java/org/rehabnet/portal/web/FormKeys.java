package org.rehabnet.portal.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys for the forms a page renders: each form gets its own, so a double click, a
 * resubmitted page or a retry after a lost answer reaches the service with the key of the first
 * submit and is answered with the first answer, never a second dose or a second admission
 * (docs/api.md, "Retrying a create"). Templates call {@code ${formKeys.next()}} once per form.
 */
public final class FormKeys {

  public String next() {
    return UUID.randomUUID().toString();
  }

  /** The submitted key; a page rendered before forms carried one gets a fresh key (no retry protection). */
  public static String orFresh(@Nullable UUID submitted) {
    return submitted == null ? UUID.randomUUID().toString() : submitted.toString();
  }

  /** A key per request when one submit makes several (a round's vital signs, observation and COWS). */
  public static String part(String key, String part) {
    return key + "-" + part;
  }
}
