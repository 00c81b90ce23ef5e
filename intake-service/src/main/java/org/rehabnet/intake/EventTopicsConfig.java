package org.rehabnet.intake;

import org.apache.kafka.clients.admin.NewTopic;
import org.rehabnet.platform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics intake owns: patients (identity), admissions (admissions, bed releases), consents, sites. */
@Configuration(proxyBeanMethods = false)
class EventTopicsConfig {

  private final int partitions;
  private final short replicas;

  EventTopicsConfig(@Value("${rehabnet.events.partitions:3}") int partitions,
      @Value("${rehabnet.events.replicas:1}") short replicas) {
    this.partitions = partitions;
    this.replicas = replicas;
  }

  @Bean
  NewTopic patientsTopic() {
    return topic(Topics.INTAKE_PATIENTS);
  }

  @Bean
  NewTopic admissionsTopic() {
    return topic(Topics.INTAKE_ADMISSIONS);
  }

  @Bean
  NewTopic consentsTopic() {
    return topic(Topics.INTAKE_CONSENTS);
  }

  /** Compacted: the latest SiteConfigured of every site stays, so a new consumer learns every site. */
  @Bean
  NewTopic sitesTopic() {
    return TopicBuilder.name(Topics.INTAKE_SITES).partitions(partitions).replicas(replicas).compact().build();
  }

  private NewTopic topic(String name) {
    return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
  }
}
