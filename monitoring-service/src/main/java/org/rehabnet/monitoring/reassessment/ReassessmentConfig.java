package org.rehabnet.monitoring.reassessment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReassessmentProperties.class)
class ReassessmentConfig {

  @Bean
  ReassessmentCadence reassessmentCadence(ReassessmentProperties policy) {
    return new ReassessmentCadence(policy);
  }
}
