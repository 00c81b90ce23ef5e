package org.rehabnet.portal.intake;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The assessment form's fields as intake's JSON: the draft for the live figures (whatever is typed so
 * far) and the complete assessment to record. It only translates; every rule is intake's.
 */
final class AssessmentForm {

  /** The choices the form offers, as intake names them. */
  static final Map<String, List<String>> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("substance", List.of("HEROIN", "FENTANYL", "OTHER_OPIOID", "METHADONE", "BUPRENORPHINE",
        "BENZODIAZEPINE", "ALCOHOL", "STIMULANT", "CANNABIS", "OTHER"));
    OPTIONS.put("route", List.of("INJECTED", "SMOKED", "SNORTED", "ORAL", "OTHER"));
    OPTIONS.put("frequency", List.of("DAILY", "SEVERAL_TIMES_A_WEEK", "WEEKLY", "LESS_THAN_WEEKLY"));
    OPTIONS.put("oudCriteria", List.of("LARGER_AMOUNTS_OR_LONGER_THAN_INTENDED", "UNSUCCESSFUL_EFFORTS_TO_CUT_DOWN",
        "MUCH_TIME_SPENT", "CRAVING", "FAILURE_TO_FULFIL_OBLIGATIONS", "USE_DESPITE_SOCIAL_PROBLEMS",
        "ACTIVITIES_GIVEN_UP", "USE_IN_HAZARDOUS_SITUATIONS", "USE_DESPITE_PHYSICAL_OR_PSYCHOLOGICAL_HARM",
        "TOLERANCE", "WITHDRAWAL"));
    OPTIONS.put("analytes", List.of("OPIATES", "SIX_MAM", "FENTANYL", "BUPRENORPHINE", "METHADONE", "OXYCODONE",
        "BENZODIAZEPINES", "COCAINE", "AMPHETAMINES", "CANNABINOIDS", "XYLAZINE"));
    OPTIONS.put("mentalHealthHistory", List.of("DEPRESSION", "ANXIETY", "ADHD", "BIPOLAR", "PTSD", "OTHER"));
    OPTIONS.put("pregnancyStatus", List.of("NOT_APPLICABLE", "NOT_PREGNANT", "PREGNANT", "UNKNOWN"));
  }

  private final MultiValueMap<String, String> form;
  private final ZoneId zone;

  AssessmentForm(MultiValueMap<String, String> form, ZoneId zone) {
    this.form = form;
    this.zone = zone;
  }

  Map<String, Object> draft() {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("oudCriteria", values("oudCriteria"));
    draft.put("opioidsOnlyUnderMedicalSupervision", "true".equals(one("opioidsOnlyUnderMedicalSupervision")));
    draft.put("heightCm", decimal("heightCm"));
    draft.put("weightKg", decimal("weightKg"));
    draft.put("phq9", items("phq9_", 9));
    draft.put("gad7", items("gad7_", 7));
    Map<String, Object> substance = substance();
    draft.put("substances", substance == null ? List.of() : List.of(substance));
    draft.put("urineDrugScreen", screen());
    return draft;
  }

  /** What must be filled in before the assessment can be recorded (the rest intake checks). */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (substance() == null) {
      missing.add("substance: substance, route, frequency, years of use and last use are required");
    }
    if (decimal("heightCm") == null || decimal("weightKg") == null) {
      missing.add("height and weight are required");
    }
    if (items("phq9_", 9).contains(null)) {
      missing.add("phq9: answer all nine items");
    }
    if (items("gad7_", 7).contains(null)) {
      missing.add("gad7: answer all seven items");
    }
    if (screen().isEmpty()) {
      missing.add("urineDrugScreen: at least one analyte");
    }
    return missing;
  }

  Map<String, Object> assessment() {
    Map<String, Object> body = draft();
    body.put("mentalHealthHistory", values("mentalHealthHistory"));
    body.put("previousDetoxEpisodes", integer("previousDetoxEpisodes", 0));
    body.put("previousOverdoses", integer("previousOverdoses", 0));
    String pregnancy = one("pregnancyStatus");
    body.put("pregnancyStatus", pregnancy == null ? "UNKNOWN" : pregnancy);
    return body;
  }

  private @Nullable Map<String, Object> substance() {
    String substance = one("substance");
    String route = one("route");
    String frequency = one("frequency");
    BigDecimal years = decimal("yearsOfUse");
    String lastUse = one("lastUse");
    if (substance == null || route == null || frequency == null || years == null || lastUse == null) {
      return null;
    }
    try {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("substance", substance);
      entry.put("route", route);
      entry.put("frequency", frequency);
      entry.put("yearsOfUse", years);
      // Typed as the site's wall-clock time.
      entry.put("lastUseAt", LocalDateTime.parse(lastUse).atZone(zone).toInstant().toString());
      return entry;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private List<Map<String, Object>> screen() {
    List<Map<String, Object>> readings = new ArrayList<>();
    for (String analyte : OPTIONS.get("analytes")) {
      String result = one("uds_" + analyte);
      if (result != null) {
        readings.add(Map.of("analyte", analyte, "result", result));
      }
    }
    return readings;
  }

  private List<@Nullable Integer> items(String prefix, int count) {
    List<@Nullable Integer> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String value = one(prefix + i);
      items.add(value == null ? null : Integer.valueOf(value));
    }
    return items;
  }

  private List<String> values(String name) {
    List<String> values = form.get(name);
    return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
  }

  private @Nullable String one(String name) {
    String value = form.getFirst(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private @Nullable BigDecimal decimal(String name) {
    String value = one(name);
    try {
      return value == null ? null : new BigDecimal(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private int integer(String name, int otherwise) {
    String value = one(name);
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
