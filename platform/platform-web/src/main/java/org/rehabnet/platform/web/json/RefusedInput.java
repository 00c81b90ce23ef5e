package org.rehabnet.platform.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value refused by the platform's input rules while binding. Its message is safe to show (it
 * says what is wrong, never the value), so the problem answer can carry it per field.
 */
public class RefusedInput extends MismatchedInputException {

  private static final long serialVersionUID = 1L;

  RefusedInput(JsonParser parser, String reason, Class<?> targetType) {
    super(parser, reason, targetType);
  }

  /** The reason without Jackson's location suffix. */
  public String reason() {
    return getOriginalMessage();
  }
}
