package org.rehabnet.monitoring.episode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens a detox episode for each admission intake records. */
@Component
class AdmissionEventHandler {

  static final String CONSUMER = "monitoring.episode.admissions";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  AdmissionEventHandler(EventInbox inbox, DetoxEpisodeService episodes) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers().on(AdmissionRecorded.class, episodes::openFrom);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.INTAKE_ADMISSIONS)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
