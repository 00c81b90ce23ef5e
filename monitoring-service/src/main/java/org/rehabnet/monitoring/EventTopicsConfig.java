package org.rehabnet.monitoring;

import org.apache.kafka.clients.admin.NewTopic;
import org.rehabnet.platform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics monitoring owns. */
@Configuration(proxyBeanMethods = false)
class EventTopicsConfig {

  @Bean
  NewTopic episodesTopic(@Value("${rehabnet.events.partitions:3}") int partitions,
      @Value("${rehabnet.events.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.MONITORING_EPISODES).partitions(partitions).replicas(replicas).build();
  }

  @Bean
  NewTopic alertsTopic(@Value("${rehabnet.events.partitions:3}") int partitions,
      @Value("${rehabnet.events.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.MONITORING_ALERTS).partitions(partitions).replicas(replicas).build();
  }
}
