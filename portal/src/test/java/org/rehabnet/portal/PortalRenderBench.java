package org.rehabnet.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.rehabnet.portal.gateway.FixtureGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Benchmark, not a test (its name matches no test pattern; run it with {@code ./rehabnet bench portal}):
 * how long the portal takes to render, server side, the census of a 40-bed ward and a chart of 7 days
 * of hourly observations (168 vital-sign sets, 42 COWS, 7 doses). The whole request runs (security
 * filters, idle check, controller, SVG, Thymeleaf) against fixed gateway answers, so the figure is the
 * portal's own work; the gateway's and services' time is measured by bench/'s gateway benchmark.
 * Target: p95 below 300 ms.
 */
@SpringBootTest(properties = {
    // A provider without an issuer: the portal starts without Keycloak's discovery document.
    "spring.security.oauth2.client.registration.keycloak.provider=keycloak-test",
    "spring.security.oauth2.client.provider.keycloak-test.authorization-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/auth",
    "spring.security.oauth2.client.provider.keycloak-test.token-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/token",
    "spring.security.oauth2.client.provider.keycloak-test.jwk-set-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/certs",
    "spring.security.oauth2.client.provider.keycloak-test.user-info-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/userinfo",
    "spring.security.oauth2.client.provider.keycloak-test.user-name-attribute=preferred_username",
    "spring.kafka.listener.auto-startup=false", "logging.level.root=WARN"})
@AutoConfigureMockMvc
@Import(PortalTestConfig.class)
class PortalRenderBench {

  static final int WARMUP = Integer.getInteger("bench.warmup", 300);
  static final int MEASURED = Integer.getInteger("bench.requests", 1000);

  @Autowired
  MockMvc mvc;

  @Autowired
  FixtureGateway gateway;

  @Autowired
  PortalTestConfig.MovableClock clock;

  @Test
  void renderCensusOf40BedsAndA7DayHourlyChart() throws Exception {
    Ward.census(gateway, 40, clock.instant());
    Ward.chart(gateway, 7, 7, clock.instant());
    RequestPostProcessor nurse = SecurityMockMvcRequestPostProcessors.oidcLogin()
        .idToken(t -> t.claim("preferred_username", "nurse-north").claim("site", List.of("north")))
        .authorities(new SimpleGrantedAuthority("ROLE_nurse"));
    Histogram census = measure("/ward/north", nurse);
    Histogram chart = measure("/chart/" + Ward.episode(7), nurse);
    System.out.println();
    System.out.println("Portal server-side render (" + MEASURED + " requests each after " + WARMUP + " warm-up)");
    report("census, 40 beds", census);
    report("chart, 7 days hourly", chart);
    System.out.println("target: p95 < 300 ms");
  }

  private Histogram measure(String path, RequestPostProcessor user) throws Exception {
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      long start = System.nanoTime();
      int status = mvc.perform(get(path).with(user)).andReturn().getResponse().getStatus();
      long took = System.nanoTime() - start;
      if (status != 200) {
        throw new IllegalStateException(path + " answered " + status);
      }
      if (i >= WARMUP) {
        histogram.recordValue(took);
      }
    }
    return histogram;
  }

  private static void report(String what, Histogram histogram) {
    System.out.printf("  %-22s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   max %6.1f ms   %s%n", what,
        ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
        ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()),
        ms(histogram.getValueAtPercentile(95)) < 300 ? "(meets the target)" : "(MISSES the target)");
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
