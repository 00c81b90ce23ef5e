package org.rehabnet.aftercare;

import org.rehabnet.platform.web.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Staff API only; roles per endpoint by method security, site checks next to the data. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity platform) throws Exception {
    return platform.build(http, auth -> auth.requestMatchers("/v1/**").authenticated());
  }
}
