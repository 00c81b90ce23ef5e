package org.rehabnet.gateway;

import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.rehabnet.platform.web.security.RehabnetJwtConverter;
import org.rehabnet.platform.web.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Coarse authorization at the door: staff roles reach the staff API, partner clients only the
 * partner API. Site and consent rules stay in the services, next to the data.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

  private static final String[] STAFF = {Roles.INTAKE_COORDINATOR, Roles.NURSE, Roles.PHYSICIAN, Roles.COUNSELLOR,
      Roles.SITE_ADMIN, Roles.CLINICAL_LEAD, Roles.AUDITOR};

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemServerSecurityHandlers problems,
      ReactiveJwtDecoder decoder) {
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.jwtDecoder(decoder)
                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(new RehabnetJwtConverter())))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeExchange(exchange -> exchange
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .pathMatchers("/api/*/v3/api-docs", "/api/*/v3/api-docs/**").permitAll()
            .pathMatchers("/api/**").hasAnyRole(STAFF)
            .pathMatchers("/partner/**").hasRole(Roles.PARTNER)
            .anyExchange().denyAll())
        .build();
  }
}
