package org.rehabnet.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every RehabNet web application shares, with the lowest precedence so a service can
 * still override one on purpose.
 */
public class WebEnvironmentDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("rehabnet.security.issuer-uri", "${REHABNET_ISSUER_URI:http://localhost:8180/realms/rehabnet}");
    d.put("rehabnet.security.jwk-set-uri", "${REHABNET_JWK_SET_URI:}");
    d.put("spring.threads.virtual.enabled", "true");
    d.put("server.shutdown", "graceful");
    d.put("spring.lifecycle.timeout-per-shutdown-phase", "15s");
    // Behind the gateway: X-Forwarded-Prefix makes links and the OpenAPI servers[] right.
    d.put("server.forward-headers-strategy", "framework");
    // The gateway keeps connections to the services pooled; Tomcat's default of closing a connection
    // after 100 requests would make it write onto closing connections under load.
    d.put("server.tomcat.max-keep-alive-requests", "-1");
    d.put("server.tomcat.keep-alive-timeout", "60s");
    d.put("server.error.include-stacktrace", "never");
    d.put("server.error.include-message", "never");
    d.put("spring.mvc.problemdetails.enabled", "false");
    d.put("management.endpoints.web.exposure.include", "health,info");
    d.put("management.endpoint.health.probes.enabled", "true");
    d.put("management.endpoint.health.show-details", "never");
    d.put("springdoc.api-docs.path", "/v3/api-docs");
    // Logs carry the request id and trace, never payloads.
    d.put("logging.pattern.correlation", "[%X{requestId:-} %X{traceparent:-}] ");
    d.put("logging.include-application-name", "false");
    environment.getPropertySources().addLast(new MapPropertySource("rehabnetWebDefaults", d));
  }
}
