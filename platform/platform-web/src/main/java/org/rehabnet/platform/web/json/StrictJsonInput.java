package org.rehabnet.platform.web.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service binds JSON, once for all (docs/clinical-rules.md, "Input"; docs/security.md):
 * <ul>
 *   <li>Clinical numbers are taken as sent or refused, never rounded: by default Jackson turns
 *       {@code 2.9} into 2 and {@code "3"} into 3, so a COWS pupil size of 1.5 would be charted as 1.
 *       A fraction or a quoted number in an integer field, and a quoted number or boolean anywhere,
 *       fail to bind.</li>
 *   <li>Text passes {@link TextRules}: no control characters, no bidirectional overrides, bounded
 *       length; line breaks only in {@link FreeText} notes.</li>
 *   <li>Dates and instants are ISO-8601 strings within years the records can hold.</li>
 * </ul>
 * A refusal is a 400 naming the field, before anything is stored. It applies to every JsonMapper
 * Boot builds, so to request bodies and events alike; producers write real numbers and checked text.
 */
public final class StrictJsonInput implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
    builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(LogicalType.Integer, config -> config
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, config -> config
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, config -> config
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .addModule(new SimpleModule("rehabnet-input")
            .addDeserializer(String.class, SafeTextDeserializer.LINE)
            .addDeserializer(LocalDate.class, BoundedTemporalDeserializer.localDate(LocalDateDeserializer.INSTANCE))
            .addDeserializer(LocalDateTime.class,
                BoundedTemporalDeserializer.localDateTime(LocalDateTimeDeserializer.INSTANCE))
            .addDeserializer(Instant.class, BoundedTemporalDeserializer.instant(InstantDeserializer.INSTANT))
            .addDeserializer(OffsetDateTime.class,
                BoundedTemporalDeserializer.offsetDateTime(InstantDeserializer.OFFSET_DATE_TIME))
            .addDeserializer(ZonedDateTime.class,
                BoundedTemporalDeserializer.zonedDateTime(InstantDeserializer.ZONED_DATE_TIME)));
  }
}
