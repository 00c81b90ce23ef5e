package org.rehabnet.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

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
    // Actuator: health and info, and Prometheus's scrape. Deployments set MANAGEMENT_SERVER_PORT
    // (./rehabnet up 9080-9083, compose, the e2e tests) so actuator lives on a port the gateway does
    // not route and the scrape is answered only there (ServiceSecurity, the gateway's SecurityConfig);
    // /livez and /readyz stay on the main port for load balancers and launchers.
    d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
    d.put("management.endpoint.health.probes.enabled", "true");
    d.put("management.endpoint.health.probes.add-additional-paths", "true");
    d.put("management.endpoint.health.show-details", "never");
    // Every series says which application it comes from; HTTP latency as a histogram per route
    // (the uri tag is the route template, never the ids in the path).
    d.put("management.metrics.tags.application", "${spring.application.name}");
    d.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
    // Traces: Micrometer Observation through Brave, W3C traceparent in and out. Every request is
    // sampled unless REHABNET_TRACE_SAMPLING says otherwise (0.0-1.0); spans are exported only where
    // a Zipkin server is named (REHABNET_ZIPKIN_ENDPOINT, e.g. http://localhost:9411/api/v2/spans;
    // ./rehabnet up --traces starts one), so a laptop without one logs no export failures.
    d.put("management.tracing.sampling.probability", "${REHABNET_TRACE_SAMPLING:1.0}");
    d.put("management.tracing.propagation.produce", "W3C");
    d.put("management.tracing.export.zipkin.endpoint",
        "${REHABNET_ZIPKIN_ENDPOINT:http://localhost:9411/api/v2/spans}");
    d.put("management.tracing.export.zipkin.enabled",
        Boolean.toString(StringUtils.hasText(environment.getProperty("REHABNET_ZIPKIN_ENDPOINT"))));
    // JDBC spans (datasource-micrometer): one per statement, with the SQL text as written (placeholders,
    // never the bound values: those are names, birth dates and clinical values). Connection and
    // result-set spans are left out: they double the span count and say nothing an engineer acts on.
    d.put("jdbc.includes", "QUERY");
    d.put("jdbc.datasource-proxy.include-parameter-values", "false");
    d.put("jdbc.resultset-operations.enabled", "false");
    d.put("springdoc.api-docs.path", "/v3/api-docs");
    // Logs are JSON lines (Logstash layout) carrying traceId, spanId and the request id from the MDC,
    // never payloads. REHABNET_LOG_FORMAT=ecs or gelf picks another layout.
    d.put("logging.structured.format.console", "${REHABNET_LOG_FORMAT:logstash}");
    d.put("logging.pattern.correlation", "[%X{requestId:-} %X{traceId:-}] ");
    d.put("logging.include-application-name", "false");
    environment.getPropertySources().addLast(new MapPropertySource("rehabnetWebDefaults", d));
  }
}
