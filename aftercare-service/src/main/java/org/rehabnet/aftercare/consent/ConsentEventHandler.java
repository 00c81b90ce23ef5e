package org.rehabnet.aftercare.consent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.events.intake.ConsentRevoked;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps aftercare's consent read model, on which every disclosure to a partner rests. */
@Component
class ConsentEventHandler {

  static final String CONSUMER = "aftercare.consent.consents";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  ConsentEventHandler(EventInbox inbox, ConsentRegistry registry) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers()
        .on(ConsentGranted.class, registry::granted)
        .on(ConsentRevoked.class, registry::revoked);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.INTAKE_CONSENTS)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
