package org.rehabnet.aftercare;

import org.apache.kafka.clients.admin.NewTopic;
import org.rehabnet.platform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics aftercare owns. */
@Configuration(proxyBeanMethods = false)
class EventTopicsConfig {

  @Bean
  NewTopic plansTopic(@Value("${rehabnet.events.partitions:3}") int partitions,
      @Value("${rehabnet.events.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.AFTERCARE_PLANS).partitions(partitions).replicas(replicas).build();
  }

  @Bean
  NewTopic engagementTopic(@Value("${rehabnet.events.partitions:3}") int partitions,
      @Value("${rehabnet.events.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.AFTERCARE_ENGAGEMENT).partitions(partitions).replicas(replicas).build();
  }
}
