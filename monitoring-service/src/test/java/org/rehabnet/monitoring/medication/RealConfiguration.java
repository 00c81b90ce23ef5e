package org.rehabnet.monitoring.medication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import org.rehabnet.monitoring.site.SitePolicy;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The policy as the service runs it: the per-site defaults of {@link SiteSettings#defaults()} and the
 * symptomatic label maxima bound from the service's own application.yml, never a hand-built copy.
 */
final class RealConfiguration {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private RealConfiguration() {}

  static SymptomaticLimits symptomaticLimits() {
    try {
      var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bind("rehabnet.monitoring.dosing", SymptomaticLimits.class).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DosingPolicy policy() {
    return new DosingPolicy(symptomaticLimits());
  }

  /** North as intake seeds it: an OTP in New York with the defaults. */
  static SitePolicy north() {
    return site(SiteSettings.defaults(), true);
  }

  static SitePolicy site(SiteSettings settings, boolean otpCertified) {
    return new SitePolicy("north", "North", NEW_YORK, otpCertified, settings, 1, "system", Instant.EPOCH);
  }
}
