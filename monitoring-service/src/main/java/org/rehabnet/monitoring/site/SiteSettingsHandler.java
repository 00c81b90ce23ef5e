package org.rehabnet.monitoring.site;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the sites' settings from intake's compacted sites topic. Its own group reads the topic from
 * the beginning, so a new instance or a fresh database learns every site.
 */
@Component
class SiteSettingsHandler {

  static final String CONSUMER = "monitoring.site.settings";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  SiteSettingsHandler(EventInbox inbox, Sites sites) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers().on(SiteConfigured.class, sites::apply);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.INTAKE_SITES)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
