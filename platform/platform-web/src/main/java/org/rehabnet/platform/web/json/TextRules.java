package org.rehabnet.platform.web.json;

import org.jspecify.annotations.Nullable;

/**
 * What a piece of text from outside may contain. Refused everywhere: C0 controls (U+0000, which
 * PostgreSQL cannot store, among them), DEL and C1 controls, unpaired surrogates, the Unicode
 * non-characters U+FFFE/U+FFFF, and the bidirectional embedding, override and isolate controls
 * (U+202A-U+202E, U+2066-U+2069), with which "Jo\u202Ehn" would display reversed to the people who
 * read the chart. Free-text notes ({@link FreeText}) may also hold tab, line feed and carriage return.
 * Every string is bounded: {@link #MAX_LENGTH} characters, whatever a field's own, usually tighter,
 * {@code @Size} says.
 */
public final class TextRules {

  /** The longest text any field takes (a long clinical note is a few thousand characters). */
  public static final int MAX_LENGTH = 10_000;

  /** Why the text is refused, or null when it is acceptable. Never quotes the text itself. */
  public static @Nullable String problem(String text, boolean freeText) {
    if (text.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        if (freeText && (c == '\t' || c == '\n' || c == '\r')) {
          continue;
        }
        return freeText ? "contains a control character" : "contains a control character or a line break";
      }
      if (c >= 0x7F && c <= 0x9F) {
        return "contains a control character";
      }
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
        return "contains a bidirectional override character";
      }
      if (c == 0xFFFE || c == 0xFFFF) {
        return "contains a non-character";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains an unpaired surrogate";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains an unpaired surrogate";
      }
    }
    return null;
  }

  private TextRules() {}
}
