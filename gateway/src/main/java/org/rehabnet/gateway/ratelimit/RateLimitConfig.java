package org.rehabnet.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the gateway keeps its request budgets: in Redis, shared by all instances, when
 * {@code rehabnet.gateway.rate-limit.redis.uri} is set; else on this instance, which needs no server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfig {

  @Bean
  RequestBudgets requestBudgets(RateLimitProperties properties) {
    LocalRequestBudgets local = new LocalRequestBudgets();
    return properties.redis().uri() == null ? local : new RedisRequestBudgets(properties.redis(), local);
  }

  @Bean
  RateLimitEndpoint rateLimitEndpoint(RateLimitProperties properties, RequestBudgets budgets) {
    return new RateLimitEndpoint(properties, budgets);
  }
}
