package org.rehabnet.platform.web.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Clinical numbers are taken as sent or refused, never rounded: by default Jackson turns {@code 2.9}
 * into 2 and {@code "3"} into 3, so a COWS pupil size of 1.5 would be charted as 1. With this, a
 * fraction or a quoted number in an integer field, and a quoted number or boolean anywhere, fail to
 * bind and the request is a 400 naming the field (docs/clinical-rules.md, "Input"). It applies to
 * every JsonMapper Boot builds, so to request bodies and events alike; producers write real numbers.
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
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
  }
}
