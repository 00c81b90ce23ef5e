package org.rehabnet.platform.web.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Dates and instants as ISO-8601 strings only, within years the records can hold. A bare number
 * (Jackson would read 57385 as an epoch day, a session "first held" in 2127) and a year like
 * -999999999 or +999999999 (which PostgreSQL cannot store, and which reached a 500) are refused at
 * binding. Each field's own plausible window (a birth date since 1900, a vital sign within hours of
 * now) is checked by the bean-validation constraints of {@code org.rehabnet.platform.web.validation}.
 */
final class BoundedTemporalDeserializer<T> extends StdDeserializer<T> {

  private static final long serialVersionUID = 1L;

  /** Nothing the platform records lies outside these years. */
  static final int EARLIEST_YEAR = 1900;
  static final int LATEST_YEAR = 2199;

  private final ValueDeserializer<T> delegate;
  private final Function<T, Integer> year;

  BoundedTemporalDeserializer(Class<T> type, ValueDeserializer<T> delegate, Function<T, Integer> year) {
    super(type);
    this.delegate = delegate;
    this.year = year;
  }

  static BoundedTemporalDeserializer<LocalDate> localDate(ValueDeserializer<LocalDate> delegate) {
    return new BoundedTemporalDeserializer<>(LocalDate.class, delegate, LocalDate::getYear);
  }

  static BoundedTemporalDeserializer<LocalDateTime> localDateTime(ValueDeserializer<LocalDateTime> delegate) {
    return new BoundedTemporalDeserializer<>(LocalDateTime.class, delegate, LocalDateTime::getYear);
  }

  static BoundedTemporalDeserializer<Instant> instant(ValueDeserializer<Instant> delegate) {
    return new BoundedTemporalDeserializer<>(Instant.class, delegate, i -> i.atOffset(ZoneOffset.UTC).getYear());
  }

  static BoundedTemporalDeserializer<OffsetDateTime> offsetDateTime(ValueDeserializer<OffsetDateTime> delegate) {
    return new BoundedTemporalDeserializer<>(OffsetDateTime.class, delegate, OffsetDateTime::getYear);
  }

  static BoundedTemporalDeserializer<ZonedDateTime> zonedDateTime(ValueDeserializer<ZonedDateTime> delegate) {
    return new BoundedTemporalDeserializer<>(ZonedDateTime.class, delegate, ZonedDateTime::getYear);
  }

  @Override
  @SuppressWarnings("unchecked")
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
    ValueDeserializer<?> contextual = delegate.createContextual(ctxt, property);
    return contextual == delegate ? this
        : new BoundedTemporalDeserializer<>((Class<T>) handledType(), (ValueDeserializer<T>) contextual, year);
  }

  @Override
  public void resolve(DeserializationContext ctxt) {
    delegate.resolve(ctxt);
  }

  @Override
  public @Nullable T deserialize(JsonParser parser, DeserializationContext ctxt) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new RefusedInput(parser, "must be an ISO-8601 date or date-time string", handledType());
    }
    T value = delegate.deserialize(parser, ctxt);
    if (value != null) {
      int y = year.apply(value);
      if (y < EARLIEST_YEAR || y > LATEST_YEAR) {
        throw new RefusedInput(parser, "must lie between the years " + EARLIEST_YEAR + " and " + LATEST_YEAR,
            handledType());
      }
    }
    return value;
  }

  @Override
  public LogicalType logicalType() {
    return LogicalType.DateTime;
  }
}
