package org.rehabnet.gateway;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.rehabnet.gateway.ratelimit.RateLimitFilter;
import org.rehabnet.gateway.ratelimit.RateLimitProperties;
import org.rehabnet.gateway.ratelimit.RequestBudgets;
import org.rehabnet.platform.web.security.BearerTokens;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.rehabnet.platform.web.security.RehabnetJwtConverter;
import org.rehabnet.platform.web.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Coarse authorization at the door: clinical staff reach the staff API, auditors only the audit
 * endpoints, partner clients only the partner API. Site and consent rules stay in the services,
 * next to the data. Everything not named is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

  private static final String[] CLINICAL_STAFF = {Roles.INTAKE_COORDINATOR, Roles.NURSE, Roles.PHYSICIAN,
      Roles.COUNSELLOR, Roles.SITE_ADMIN, Roles.CLINICAL_LEAD};

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemServerSecurityHandlers problems,
      ReactiveJwtDecoder decoder, RateLimitProperties rateLimits, RequestBudgets budgets, Environment environment) {
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .cors(Customizer.withDefaults())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
            .hsts(hsts -> hsts.includeSubdomains(true)))
        .oauth2ResourceServer(rs -> rs
            .bearerTokenConverter(new BearerTokens())
            .jwt(jwt -> jwt.jwtDecoder(decoder)
                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(new RehabnetJwtConverter())))
            .authenticationEntryPoint(problems)
            .authenticationFailureHandler(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeExchange(exchange -> exchange
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/livez", "/readyz").permitAll()
            // Prometheus's scrape and the budgets' state only on the management port
            // (MANAGEMENT_SERVER_PORT), never at the door.
            .matchers(scrapeOnManagementPort(environment)).permitAll()
            .pathMatchers("/api/*/v3/api-docs", "/api/*/v3/api-docs/**").permitAll()
            .pathMatchers("/api/*/v1/audit/**").hasRole(Roles.AUDITOR)
            // The records team reaches only its two intake doors; the service checks the role again.
            .pathMatchers("/api/intake/v1/possible-duplicates", "/api/intake/v1/patients/*/site-links")
            .hasRole(Roles.RECORDS_OFFICER)
            .pathMatchers("/api/**").hasAnyRole(CLINICAL_STAFF)
            .pathMatchers("/partner/**").hasRole(Roles.PARTNER)
            .anyExchange().denyAll())
        .addFilterAfter(new RateLimitFilter(rateLimits, budgets, problems), SecurityWebFiltersOrder.AUTHORIZATION)
        .build();
  }

  private static ServerWebExchangeMatcher scrapeOnManagementPort(Environment environment) {
    // The ports are known once the servers have started and never change; read from the Environment
    // on every request they cost 1.3 % of the gateway's CPU.
    Supplier<Integer> managementPort = ports(environment, "local.management.port");
    Supplier<Integer> serverPort = ports(environment, "local.server.port");
    return exchange -> {
      var request = exchange.getRequest();
      String path = request.getPath().value();
      if (!path.startsWith("/actuator/")) {
        return ServerWebExchangeMatcher.MatchResult.notMatch();
      }
      Integer management = managementPort.get();
      boolean scrape = ("/actuator/prometheus".equals(path) || path.equals("/actuator/ratelimits")
          || path.startsWith("/actuator/ratelimits/"))
          && management != null && !management.equals(serverPort.get())
          && request.getLocalAddress() != null && request.getLocalAddress().getPort() == management;
      return scrape ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    };
  }

  /** The port under {@code property}, read until the server has published it, then remembered. */
  private static Supplier<Integer> ports(Environment environment, String property) {
    AtomicReference<Integer> known = new AtomicReference<>();
    return () -> {
      Integer port = known.get();
      if (port == null) {
        port = environment.getProperty(property, Integer.class);
        known.set(port);
      }
      return port;
    };
  }
}
