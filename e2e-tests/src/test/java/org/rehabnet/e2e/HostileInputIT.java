package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.SharedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write and every id-bearing path of every service, found in the services' own OpenAPI
 * documents (so a new endpoint is covered without a new test), met with hostile input: control and
 * bidirectional-override characters, lone surrogates, 100 kB strings, fractions and quoted numbers,
 * huge numbers, unknown enum values, far-past and far-future dates and dates as bare numbers,
 * malformed and deeply nested JSON, wrong types, encoded traversal and NUL in ids, SQL and script
 * strings. Each answer must be a 4xx problem+json, never a 5xx, and no table may gain or lose a row.
 *
 * <p>The requests go straight to each service with a real Keycloak token: the services' own defences
 * are what is tried (the gateway's limits are tried in gateway/EdgeInputTest), and the gateway's rate
 * limits would otherwise answer most of the thousands of requests with 429. A figure per endpoint is
 * written to target/hostile-input.txt.
 */
class HostileInputIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Raw JSON a mapper would never write (a lone surrogate escape, 1e400): spliced in by placeholder. */
  private static final String RAW = "@@raw@@";
  /** Where a nested object's or an array item's own mutated JSON goes. */
  private static final String SLOT = "@@slot@@";

  /** Tables that background work changes on its own (timers, schedulers, the outbox, the audit trail). */
  private static final Set<String> BACKGROUND_TABLES = Set.of("audit_event", "event_publication", "processed_event",
      "shedlock", "clinical_alert", "reassessment_timer", "follow_up_task", "outreach_task", "site_settings");

  /** The staff user per service whose role reaches the most of its writes. */
  private static final Map<String, String> USERS = Map.of("intake", "intake-north", "monitoring", "physician-north",
      "aftercare", "counsellor-north");

  private static final Map<String, int[]> FIGURES = new TreeMap<>();

  private final PlatformUnderTest platform = PlatformUnderTest.get();

  @TestFactory
  Stream<DynamicTest> everyWriteAndEveryIdBearingPathAnswersHostileInputWithAProblemAndChangesNothing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String service : List.of("intake", "monitoring", "aftercare")) {
      ApiClient client = new ApiClient("http://127.0.0.1:" + platform.ports.get(service));
      JsonNode document = client.get("/v3/api-docs", null).json();
      document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
        String method = operation.getKey().toUpperCase();
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          return;
        }
        boolean hasBody = operation.getValue().has("requestBody");
        boolean hasId = path.getKey().contains("{");
        if (!hasBody && !hasId) {
          return;
        }
        String name = service + " " + method + " " + path.getKey();
        tests.add(DynamicTest.dynamicTest(name, () -> attack(service, client, document, method, path.getKey(),
            operation.getValue(), name)));
      }));
    }
    assertThat(tests).as("operations found in the OpenAPI documents").hasSizeGreaterThan(30);
    return tests.stream();
  }

  private void attack(String service, ApiClient client, JsonNode document, String method, String template,
      JsonNode operation, String name) throws SQLException {
    String token = platform.token(USERS.get(service));
    Map<String, Long> before = rowCounts(service);
    List<String> failures = new ArrayList<>();
    AtomicInteger cases = new AtomicInteger();
    AtomicInteger fiveHundreds = new AtomicInteger();
    List<Mutation> injections = new ArrayList<>();

    String validPath = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    // Hostile ids in every path parameter (the rest valid-looking), with the baseline body if any.
    JsonNode schema = bodySchema(document, operation);
    String baseline = schema == null ? null : write(example(document, schema, 0));
    if (template.contains("{")) {
      for (String id : hostileIds()) {
        String path = template.replaceAll("\\{[^}]+}", id);
        check(client.send(method, path, token, baseline, Map.of()), "id " + id, cases, fiveHundreds, failures);
      }
    }
    if (schema != null) {
      JsonNode body = example(document, schema, 0);
      for (Map.Entry<String, String> whole : wholeBodies().entrySet()) {
        check(client.send(method, validPath, token, whole.getValue(), Map.of()), whole.getKey(), cases,
            fiveHundreds, failures);
      }
      for (Mutation mutation : mutations(document, schema, body, "")) {
        if (mutation.injection()) {
          injections.add(mutation);
        } else {
          check(client.send(method, validPath, token, mutation.body(), Map.of()), mutation.label(), cases,
              fiveHundreds, failures);
        }
      }
      check(client.send(method, validPath, token, baseline, Map.of("Content-Type", "text/plain")), "text/plain",
          cases, fiveHundreds, failures);
    }
    Map<String, Long> after = rowCounts(service);
    FIGURES.put(name, new int[] {cases.get(), fiveHundreds.get()});
    assertThat(failures).as(name + ": answers that were not a 4xx problem").isEmpty();
    assertThat(after).as(name + ": row counts before and after").isEqualTo(before);

    // SQL and script strings are valid text: where the rest of a body is valid they may be stored,
    // verbatim (parameterised SQL, escaped on output). They must never reach a 5xx, and every table
    // must still be there afterwards.
    for (Mutation injection : injections) {
      cases.incrementAndGet();
      ApiResponse response = client.send(method, validPath, token, injection.body(), Map.of());
      if (response.status() >= 500) {
        fiveHundreds.incrementAndGet();
        failures.add(injection.label() + " -> " + response.status() + " " + abbreviate(response.body()));
      }
    }
    FIGURES.put(name, new int[] {cases.get(), fiveHundreds.get()});
    assertThat(failures).as(name + ": injection strings answered with a 5xx").isEmpty();
    assertThat(rowCounts(service).keySet()).as(name + ": tables after injection strings").isEqualTo(after.keySet());
  }

  private static void check(ApiResponse response, String label, AtomicInteger cases, AtomicInteger fiveHundreds,
      List<String> failures) {
    cases.incrementAndGet();
    if (response.status() >= 500) {
      fiveHundreds.incrementAndGet();
    }
    boolean refused = response.status() >= 400 && response.status() < 500;
    if (!refused || !response.isProblem()) {
      failures.add(label + " -> " + response.status() + " " + abbreviate(response.body()));
    }
  }

  // --- the hostile values

  private static List<String> hostileIds() {
    return List.of("not-a-uuid", "%00", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "1%27%20OR%20%271%27%3D%271",
        "%3Cscript%3E", "00000000-0000-0000-0000-000000000000", UUID.randomUUID().toString(), "x".repeat(400),
        "%E2%80%AE", "-1", "99999999999999999999");
  }

  private static Map<String, String> wholeBodies() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("empty body", "");
    bodies.put("malformed JSON", "{\"a\":");
    bodies.put("JSON null", "null");
    bodies.put("an array for an object", "[]");
    bodies.put("a string for an object", "\"x\"");
    bodies.put("deep nesting", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
    bodies.put("deep arrays", "[".repeat(5_000) + "]".repeat(5_000));
    bodies.put("a NUL outside any string", "{\"a\":1}\u0000");
    bodies.put("trailing garbage", "{}{}");
    return bodies;
  }

  record Mutation(String label, String body) {

    boolean injection() {
      return label.endsWith(": SQL") || label.endsWith(": script");
    }
  }

  /** For every property of the body (nested objects and array items too), every hostile value of its kind. */
  private List<Mutation> mutations(JsonNode document, JsonNode schema, JsonNode body, String prefix) {
    List<Mutation> mutations = new ArrayList<>();
    JsonNode resolved = resolve(document, schema);
    JsonNode properties = resolved.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String field = property.getKey();
      JsonNode fieldSchema = resolve(document, property.getValue());
      for (Map.Entry<String, Object> hostile : hostileValues(document, fieldSchema).entrySet()) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        set(copy, field, hostile.getValue());
        mutations.add(new Mutation(prefix + field + ": " + hostile.getKey(), write(copy)));
      }
      JsonNode nested = body.get(field);
      if (nested instanceof ObjectNode && prefix.length() < 40) {
        for (Mutation inner : mutations(document, fieldSchema, nested, prefix + field + ".")) {
          ObjectNode copy = ((ObjectNode) body).deepCopy();
          copy.put(field, SLOT);
          mutations.add(new Mutation(inner.label(), write(copy).replace("\"" + SLOT + "\"", inner.body())));
        }
      } else if (nested instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode item
          && prefix.length() < 40) {
        JsonNode itemSchema = resolve(document, fieldSchema.path("items"));
        for (Mutation inner : mutations(document, itemSchema, item, prefix + field + "[0].")) {
          ObjectNode copy = ((ObjectNode) body).deepCopy();
          copy.set(field, NODES.arrayNode().add(SLOT));
          mutations.add(new Mutation(inner.label(), write(copy).replace("\"" + SLOT + "\"", inner.body())));
        }
      }
    }
    return mutations;
  }

  /** Hostile values for one field, by what the schema says it is. Raw JSON is marked with {@link #RAW}. */
  private static Map<String, Object> hostileValues(JsonNode document, JsonNode schema) {
    Map<String, Object> values = new LinkedHashMap<>();
    String type = type(schema);
    String format = schema.path("format").asString("");
    switch (type) {
      case "string" -> {
        values.put("NUL", "Jo\u0000hn");
        values.put("C1 control", "Jo\u0085hn");
        values.put("escape", "Jo\u001bhn");
        values.put("bidirectional override", "Jo\u202Ehn");
        values.put("bidirectional isolate", "Jo\u2066hn");
        values.put("lone surrogate", RAW + "\"Jo\\uD800hn\"");
        values.put("100 kB", "x".repeat(100_000));
        values.put("a number", 12345);
        values.put("an object", NODES.objectNode().put("a", 1));
        values.put("an array", NODES.arrayNode().add("a"));
        values.put("true", true);
        if (schema.has("enum")) {
          values.put("unknown enum value", "NOT_A_VALUE");
          values.put("empty enum value", "");
          values.put("lower-case enum value", schema.get("enum").get(0).asString().toLowerCase() + "_x");
        }
        switch (format) {
          case "date" -> {
            values.put("year +999999999", "+999999999-01-01");
            values.put("year -999999999", "-999999999-01-01");
            values.put("year 1", "0001-01-01");
            values.put("year 57385", "+57385-01-01");
            values.put("a bare number", 57385);
            values.put("month 13", "2026-13-45");
          }
          case "date-time" -> {
            values.put("year +999999999", "+999999999-01-01T00:00:00Z");
            values.put("year -999999999", "-999999999-01-01T00:00:00Z");
            values.put("year 1", "0001-01-01T00:00:00Z");
            values.put("a bare number", 1764326400);
            values.put("not a date", "yesterday");
          }
          case "uuid" -> {
            values.put("not a uuid", "not-a-uuid");
            values.put("SQL", "1' OR '1'='1");
          }
          default -> {
            // Plain text: injection strings may be valid text; they must never reach a 5xx, and the
            // rest of this body (unknown ids) keeps the request from storing anything.
            values.put("SQL", "Robert'); DROP TABLE patient;--");
            values.put("script", "<script>alert(1)</script>");
          }
        }
      }
      case "integer" -> {
        values.put("fraction", 2.9);
        values.put("quoted number", "3");
        values.put("huge", RAW + "99999999999999999999999999");
        values.put("below int", RAW + "-2147483649");
        values.put("exponent", RAW + "1e308");
        values.put("a string", "many");
        values.put("null in a list or required", NODES.nullNode());
      }
      case "number" -> {
        values.put("quoted number", "3.5");
        values.put("overflow", RAW + "1e400");
        values.put("huge", RAW + "1e308");
        values.put("negative huge", RAW + "-1e308");
        values.put("a string", "lots");
      }
      case "boolean" -> {
        values.put("quoted", "true");
        values.put("a number", 1);
      }
      case "array" -> {
        values.put("an object for a list", NODES.objectNode());
        values.put("a string for a list", "x");
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
          many.add(i);
        }
        values.put("10,000 items", many);
        ArrayNode nul = NODES.arrayNode();
        nul.add("a\u0000b");
        values.put("NUL in an item", nul);
      }
      case "object" -> {
        values.put("a string for an object", "x");
        values.put("an array for an object", NODES.arrayNode());
      }
      default -> values.put("a string", "x\u0000");
    }
    return values;
  }

  // --- building a plausible body from a schema

  private static JsonNode bodySchema(JsonNode document, JsonNode operation) {
    JsonNode content = operation.path("requestBody").path("content");
    JsonNode json = content.has("application/json") ? content.get("application/json")
        : content.properties().stream().findFirst().map(Map.Entry::getValue).orElse(null);
    return json == null || !json.has("schema") ? null : resolve(document, json.get("schema"));
  }

  private static JsonNode example(JsonNode document, JsonNode schema, int depth) {
    JsonNode resolved = resolve(document, schema);
    return switch (type(resolved)) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        if (depth < 6) {
          resolved.path("properties").properties()
              .forEach(p -> object.set(p.getKey(), example(document, p.getValue(), depth + 1)));
        }
        yield object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int items = Math.max(1, resolved.path("minItems").asInt(1));
        for (int i = 0; i < Math.min(items, 12); i++) {
          array.add(example(document, resolved.path("items"), depth + 1));
        }
        yield array;
      }
      case "integer" -> NODES.numberNode(resolved.has("minimum") ? resolved.get("minimum").asLong() : 1);
      case "number" -> NODES.numberNode(resolved.has("minimum") ? resolved.get("minimum").decimalValue()
          : java.math.BigDecimal.ONE);
      case "boolean" -> NODES.booleanNode(false);
      default -> NODES.textNode(exampleText(resolved));
    };
  }

  private static String exampleText(JsonNode schema) {
    if (schema.has("enum")) {
      return schema.get("enum").get(0).asString();
    }
    return switch (schema.path("format").asString("")) {
      case "uuid" -> UUID.randomUUID().toString();
      case "date" -> "2026-01-15";
      case "date-time" -> Instant.now().minus(1, ChronoUnit.HOURS).toString();
      default -> "north";
    };
  }

  private static JsonNode resolve(JsonNode document, JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      String ref = current.get("$ref").asString();
      current = document.at(ref.substring(1));
    }
    if (current.has("allOf") && current.get("allOf").size() == 1) {
      return resolve(document, current.get("allOf").get(0));
    }
    if (current.has("oneOf") || current.has("anyOf")) {
      JsonNode options = current.has("oneOf") ? current.get("oneOf") : current.get("anyOf");
      for (JsonNode option : options) {
        if (!"null".equals(type(option))) {
          return resolve(document, option);
        }
      }
    }
    return current;
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asString())) {
          return t.asString();
        }
      }
    }
    if (type.isString()) {
      return type.asString();
    }
    return schema.has("properties") ? "object" : "string";
  }

  private static void set(ObjectNode object, String field, Object value) {
    if (value instanceof JsonNode node) {
      object.set(field, node);
    } else if (value instanceof String text) {
      object.put(field, text);
    } else if (value instanceof Integer number) {
      object.put(field, number);
    } else if (value instanceof Double number) {
      object.put(field, number);
    } else if (value instanceof Boolean flag) {
      object.put(field, flag);
    }
  }

  /** Serialises, splicing raw JSON where a value was marked {@link #RAW}. */
  private static String write(JsonNode body) {
    return splice(JSON.writeValueAsString(body));
  }

  private static String splice(String text) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    String marker = "\"" + RAW;
    while (true) {
      int start = text.indexOf(marker, at);
      if (start < 0) {
        out.append(text, at, text.length());
        return out.toString();
      }
      out.append(text, at, start);
      int end = start + marker.length();
      StringBuilder raw = new StringBuilder();
      while (text.charAt(end) != '"') {
        if (text.charAt(end) == '\\') {
          end++;
        }
        raw.append(text.charAt(end));
        end++;
      }
      out.append(raw);
      at = end + 1;
    }
  }

  // --- the database, before and after

  private static Map<String, Long> rowCounts(String service) throws SQLException {
    DatabaseCoordinates db = SharedInfrastructure.get().postgres().database(service);
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
          + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        if (BACKGROUND_TABLES.contains(table) || table.startsWith("flyway")) {
          continue;
        }
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  @AfterAll
  static void figures() throws IOException {
    StringBuilder out = new StringBuilder("endpoint\tcases\t5xx\n");
    int total = 0;
    int fiveHundreds = 0;
    for (Map.Entry<String, int[]> figure : FIGURES.entrySet()) {
      out.append(figure.getKey()).append('\t').append(figure.getValue()[0]).append('\t')
          .append(figure.getValue()[1]).append('\n');
      total += figure.getValue()[0];
      fiveHundreds += figure.getValue()[1];
    }
    out.append("TOTAL\t").append(total).append('\t').append(fiveHundreds).append('\n');
    Path file = Path.of("target", "hostile-input.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
    System.out.println("Hostile input: " + FIGURES.size() + " endpoints, " + total + " cases, " + fiveHundreds
        + " answered 5xx (details in " + file + ")");
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
