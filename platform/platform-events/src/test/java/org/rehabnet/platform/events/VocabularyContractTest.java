package org.rehabnet.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every enum a payload carries (substance codes, urine-screen flags, risk flags, alert kinds ...) is
 * listed, value for value, as a JSON Schema {@code enum} at the same place in the event's schema. A
 * code added, renamed or dropped on one side without the other fails here, before a consumer can
 * silently stop matching it.
 */
class VocabularyContractTest {

  static final List<Class<? extends IntegrationEvent>> eventClasses = EventCatalogue.ALL;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @FieldSource("eventClasses")
  void everyEnumInThePayloadIsAnEnumOfTheSameValuesInTheSchema(Class<? extends IntegrationEvent> eventClass)
      throws Exception {
    JsonNode schema;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventCatalogue.schemaPath(eventClass))) {
      schema = JSON.readTree(Objects.requireNonNull(in, "schema of " + eventClass.getSimpleName()));
    }
    List<String> checked = new ArrayList<>();
    walk(eventClass, schema, eventClass.getSimpleName(), checked);
    // The walk itself must reach the enums (a schema restructured so nothing is checked would pass).
    if (eventClass.getSimpleName().equals("AdmissionRecorded")) {
      assertThat(checked).contains("AdmissionRecorded.udsFlags[]", "AdmissionRecorded.mentalHealthFlags[]",
          "AdmissionRecorded.substances[].substance");
    }
  }

  private static void walk(Class<?> record, JsonNode schema, String path, List<String> checked) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals("metadata")) {
        continue;
      }
      JsonNode property = schema.path("properties").path(component.getName());
      assertThat(property.isMissingNode()).as("%s.%s is in the schema", path, component.getName()).isFalse();
      check(component.getGenericType(), property, path + "." + component.getName(), checked);
    }
  }

  private static void check(Type type, JsonNode property, String path, List<String> checked) {
    if (type instanceof ParameterizedType parameterized
        && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
      check(parameterized.getActualTypeArguments()[0], property.path("items"), path + "[]", checked);
      return;
    }
    if (!(type instanceof Class<?> raw)) {
      return;
    }
    if (raw.isEnum()) {
      List<String> javaValues = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
      List<String> schemaValues = new ArrayList<>();
      property.path("enum").forEach(value -> {
        if (!value.isNull()) {
          schemaValues.add(value.asString());
        }
      });
      assertThat(schemaValues).as("the schema's enum at %s", path).containsExactlyInAnyOrderElementsOf(javaValues);
      checked.add(path);
    } else if (raw.isRecord()) {
      walk(raw, property, path, checked);
    }
  }
}
