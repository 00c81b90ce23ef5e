package org.rehabnet.monitoring.medication;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SymptomaticLimits.class)
class MedicationConfig {

  @Bean
  DosingPolicy dosingPolicy(SymptomaticLimits limits) {
    return new DosingPolicy(limits);
  }
}
