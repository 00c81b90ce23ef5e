package org.rehabnet.intake;

import org.apache.kafka.clients.admin.NewTopic;
import org.rehabnet.platform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics intake owns. */
@Configuration(proxyBeanMethods = false)
class EventTopicsConfig {

  @Bean
  NewTopic admissionsTopic(@Value("${rehabnet.events.partitions:3}") int partitions,
      @Value("${rehabnet.events.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.INTAKE_ADMISSIONS).partitions(partitions).replicas(replicas).build();
  }
}
