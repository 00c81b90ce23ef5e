package org.rehabnet.monitoring.medication;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DosingProperties.class)
class MedicationConfig {

  @Bean
  DosingPolicy dosingPolicy(DosingProperties limits) {
    return new DosingPolicy(limits);
  }
}
