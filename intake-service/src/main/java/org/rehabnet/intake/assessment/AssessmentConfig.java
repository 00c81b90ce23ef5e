package org.rehabnet.intake.assessment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
class AssessmentConfig {

  @Bean
  ExpectedDetoxLength expectedDetoxLength(AssessmentProperties policy) {
    return new ExpectedDetoxLength(policy);
  }
}
