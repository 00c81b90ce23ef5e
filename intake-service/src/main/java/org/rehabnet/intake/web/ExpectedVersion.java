package org.rehabnet.intake.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.InvalidField;

/**
 * The version a client read, from {@code If-Match} (the ETag it was given) or an
 * {@code expectedVersion} in the body. A change without either is refused: two staff members editing
 * the same record must never overwrite each other silently (docs/api.md, "Concurrency").
 */
public final class ExpectedVersion {

  private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  /** The ETag of a version, as sent in responses and expected back in {@code If-Match}. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The expected version: If-Match and the body's field must agree when both are given; a 400
   * naming the field when neither is, or when If-Match is not one of our ETags.
   */
  public static long resolve(@Nullable String ifMatch, @Nullable Long bodyVersion) {
    Long fromHeader = null;
    if (ifMatch != null && !ifMatch.isBlank()) {
      Matcher matcher = ETAG.matcher(ifMatch.strip());
      if (!matcher.matches()) {
        throw new InvalidField("If-Match", "must be the ETag of the version you read, e.g. \"3\"");
      }
      fromHeader = Long.parseLong(matcher.group(1));
    }
    if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
      throw new InvalidField("expectedVersion", "differs from If-Match; send one version");
    }
    Long version = fromHeader != null ? fromHeader : bodyVersion;
    if (version == null) {
      throw new InvalidField("expectedVersion", "send the version you read (If-Match or expectedVersion)");
    }
    if (version < 0) {
      throw new InvalidField("expectedVersion", "must not be negative");
    }
    return version;
  }

  private ExpectedVersion() {}
}
