package org.rehabnet.intake.web;

/**
 * What free text may hold. PostgreSQL refuses U+0000 in text outright, so a request carrying one
 * would fail at the database as a 500; other control characters are typing accidents. A single-line
 * field takes none, a note keeps its line breaks and tabs.
 */
public final class Text {

  /** A name, a code, a one-line reason: no control characters at all. */
  public static final String SINGLE_LINE = "[^\\p{Cc}]*";

  /** A note: line breaks and tabs, but no other control character. */
  public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

  public static final String MESSAGE = "must not contain control characters";

  private Text() {}
}
