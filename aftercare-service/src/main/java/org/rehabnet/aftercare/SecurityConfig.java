package org.rehabnet.aftercare;

import org.rehabnet.platform.web.security.Roles;
import org.rehabnet.platform.web.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The staff API (/v1) for staff only, the partner API (/partner) for partner clients only; roles per
 * endpoint by method security, site checks and consent checks next to the data.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity platform) throws Exception {
    return platform.build(http, auth -> auth
        .requestMatchers("/partner/**").hasRole(Roles.PARTNER)
        // A partner token reaches nothing of the staff API, whatever other roles it might carry.
        .requestMatchers("/v1/**").access(AuthorizationManagers.allOf(
            AuthenticatedAuthorizationManager.authenticated(),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Roles.PARTNER)))));
  }
}
