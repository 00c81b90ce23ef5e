package org.rehabnet.platform.web.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/** Every JSON string bound to a Java string passes {@link TextRules}; {@link FreeText} fields may hold line breaks. */
final class SafeTextDeserializer extends StdScalarDeserializer<String> {

  private static final long serialVersionUID = 1L;

  static final SafeTextDeserializer LINE = new SafeTextDeserializer(false);
  static final SafeTextDeserializer FREE_TEXT = new SafeTextDeserializer(true);

  private final boolean freeText;

  private SafeTextDeserializer(boolean freeText) {
    super(String.class);
    this.freeText = freeText;
  }

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
    return property != null && property.getAnnotation(FreeText.class) != null ? FREE_TEXT : LINE;
  }

  @Override
  public @Nullable String deserialize(JsonParser parser, DeserializationContext ctxt) {
    String text = StringDeserializer.instance.deserialize(parser, ctxt);
    if (text != null) {
      String problem = TextRules.problem(text, freeText);
      if (problem != null) {
        throw new RefusedInput(parser, problem, String.class);
      }
    }
    return text;
  }

  @Override
  public LogicalType logicalType() {
    return LogicalType.Textual;
  }

  @Override
  public boolean isCachable() {
    return true;
  }
}
