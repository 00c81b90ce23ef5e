package org.rehabnet.intake.site;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.web.problem.FieldError;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a whole settings document sent by a site admin, or says everything that is wrong with it,
 * each error naming its field ({@code settings.holds.spo2Below}). A setting left out is refused, not
 * defaulted (Jackson would make a missing integer 0), and an unknown one is refused, not ignored (a
 * misspelt name would leave the old value in force while the admin believes it changed). Then the
 * bounds of {@link SiteSettings} (bean validation) and {@link SiteSettingsRules} apply.
 */
@Component
class SiteSettingsInput {

  private final JsonMapper json;
  private final Validator validator;

  SiteSettingsInput(JsonMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /** The settings, or {@link SettingsInvalid} listing every error. */
  SiteSettings read(@Nullable JsonNode document) {
    List<FieldError> errors = new ArrayList<>();
    if (document == null || document.isNull() || document.isMissingNode()) {
      throw new SettingsInvalid(List.of(new FieldError("settings", "must not be null")));
    }
    shape(SiteSettings.class, document, "settings", errors);
    if (!errors.isEmpty()) {
      throw new SettingsInvalid(errors);
    }
    SiteSettings settings;
    try {
      settings = json.treeToValue(document, SiteSettings.class);
    } catch (DatabindException e) {
      throw new SettingsInvalid(
          List.of(new FieldError(path("settings", e), "has a value of the wrong type or format")));
    } catch (JacksonException e) {
      throw new SettingsInvalid(List.of(new FieldError("settings", "cannot be read")));
    }
    Set<ConstraintViolation<SiteSettings>> violations = validator.validate(settings);
    for (ConstraintViolation<SiteSettings> v : violations) {
      errors.add(new FieldError("settings." + v.getPropertyPath(), v.getMessage()));
    }
    if (errors.isEmpty()) {
      errors.addAll(SiteSettingsRules.check(settings));
    }
    if (!errors.isEmpty()) {
      throw new SettingsInvalid(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }
    return settings;
  }

  /** An IANA region zone (America/Chicago), not an offset or an abbreviation. */
  static ZoneId zone(@Nullable String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      throw new SettingsInvalid(List.of(new FieldError("timeZone", "must not be blank")));
    }
    FieldError notAZone = new FieldError("timeZone", "must be an IANA time zone, e.g. America/Chicago");
    if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
      throw new SettingsInvalid(List.of(notAZone));
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new SettingsInvalid(List.of(notAZone));
    }
  }

  /** Every component present (primitives never defaulted), nested records checked, nothing unknown. */
  private static void shape(Class<?> type, JsonNode node, String path, List<FieldError> errors) {
    if (!node.isObject()) {
      errors.add(new FieldError(path, "must be an object"));
      return;
    }
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = new ArrayList<>();
    for (RecordComponent component : components) {
      names.add(component.getName());
      JsonNode value = node.get(component.getName());
      String at = path + "." + component.getName();
      if (value == null || value.isNull()) {
        if (component.getType().isPrimitive()) {
          errors.add(new FieldError(at, "must not be null"));
        }
        // Other missing values are bean validation's to report (@NotNull), or allowed (@Nullable).
        continue;
      }
      if (component.getType().isRecord()) {
        shape(component.getType(), value, at, errors);
      }
    }
    node.propertyNames().stream()
        .filter(name -> !names.contains(name))
        .sorted()
        .forEach(name -> errors.add(new FieldError(path + "." + name, "is not a setting")));
  }

  private static String path(String prefix, DatabindException e) {
    StringBuilder path = new StringBuilder(prefix);
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append('.').append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
