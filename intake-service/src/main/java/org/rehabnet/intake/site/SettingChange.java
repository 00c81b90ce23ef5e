package org.rehabnet.intake.site;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One setting that changed: its path ({@code settings.holds.spo2Below}, {@code timeZone}), old and new value. */
record SettingChange(String path, @Nullable JsonNode oldValue, @Nullable JsonNode newValue) {}
