package org.rehabnet.platform.web;

import org.rehabnet.platform.web.security.InputFirewalls;
import org.rehabnet.platform.web.security.JwtDecoders;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.rehabnet.platform.web.security.TokenPolicy;
import org.rehabnet.platform.web.trace.RequestCorrelationWebFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import tools.jackson.databind.json.JsonMapper;

/** What the reactive gateway gets from the platform: the token policy, problem+json, correlation. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(TokenPolicy.class)
public class ReactivePlatformAutoConfiguration {

  @Bean
  ProblemServerSecurityHandlers problemServerSecurityHandlers(JsonMapper json) {
    return new ProblemServerSecurityHandlers(json);
  }

  /** Spring Security's strict firewall with the platform's text rules for parameters; see InputFirewalls. */
  @Bean
  @ConditionalOnMissingBean(ServerWebExchangeFirewall.class)
  ServerWebExchangeFirewall serverWebExchangeFirewall() {
    return InputFirewalls.reactive();
  }

  /** The same token policy and key source as the services. */
  @Bean
  ReactiveJwtDecoder reactiveJwtDecoder(TokenPolicy policy) {
    return JwtDecoders.reactive(policy);
  }

  /**
   * No Micrometer observation around each security filter, authentication and authorization: at the
   * gateway these per-request spans and timers cost more CPU than verifying the token. Requests are
   * still timed as a whole (http.server.requests) and logged with their request id.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  RequestCorrelationWebFilter requestCorrelationWebFilter() {
    return new RequestCorrelationWebFilter();
  }
}
