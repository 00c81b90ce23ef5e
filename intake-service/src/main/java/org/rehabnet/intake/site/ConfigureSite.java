package org.rehabnet.intake.site;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;
import tools.jackson.databind.JsonNode;

/**
 * A site's new policy, whole: its IANA time zone and every setting (read strictly by
 * {@link SiteSettingsInput}), with the version read in {@code If-Match} or {@code expectedVersion}.
 */
record ConfigureSite(
    @NotBlank String timeZone,
    @NotNull @Schema(implementation = SiteSettings.class) JsonNode settings,
    @Nullable Long expectedVersion) {}
