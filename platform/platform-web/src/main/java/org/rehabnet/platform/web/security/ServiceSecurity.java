package org.rehabnet.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The part of every service's {@code SecurityConfig} that must not differ between services:
 * stateless bearer-token resource server, the shared role converter, problem+json for 401/403,
 * only probes and the API document anonymous, the staff API closed to partner clients, and
 * everything not named denied. Prometheus's scrape is answered anonymously only on the management
 * port, which the gateway does not route and a deployment keeps off the public network.
 */
public class ServiceSecurity {

  /** Authenticated, and not a partner organisation's client. */
  public static AuthorizationManager<RequestAuthorizationContext> staffOnly() {
    return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
        AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Roles.PARTNER)));
  }

  /** The port Spring Boot's management server listens on, when it has its own. */
  public static final String LOCAL_MANAGEMENT_PORT = "local.management.port";

  private final ProblemSecurityHandlers problems;
  private final Environment environment;

  public ServiceSecurity(ProblemSecurityHandlers problems, Environment environment) {
    this.problems = problems;
    this.environment = environment;
  }

  /** A scrape arriving on the management server's own port (never on the API port). */
  private boolean isScrapeOnManagementPort(HttpServletRequest request) {
    if (!"/actuator/prometheus".equals(request.getRequestURI())) {
      return false;
    }
    Integer managementPort = environment.getProperty(LOCAL_MANAGEMENT_PORT, Integer.class);
    Integer serverPort = environment.getProperty("local.server.port", Integer.class);
    return managementPort != null && !managementPort.equals(serverPort) && request.getLocalPort() == managementPort;
  }

  public SecurityFilterChain build(HttpSecurity http,
      Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
      throws Exception {
    return http
        // Bearer tokens only, no cookies: CSRF cannot ride on them.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new RehabnetJwtConverter()))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems)
            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
              @Override
              public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(problems);
                return filter;
              }
            }))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(auth -> {
          auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/livez", "/readyz",
              "/v3/api-docs", "/v3/api-docs/**").permitAll();
          auth.requestMatchers(this::isScrapeOnManagementPort).permitAll();
          // The staff API is for staff in every service: a partner token reaches nothing under /v1,
          // whatever other roles it might carry, even if a service forgets to say so.
          auth.requestMatchers("/v1/**").access(staffOnly());
          rules.customize(auth);
          auth.anyRequest().denyAll();
        })
        .build();
  }
}
