package org.rehabnet.intake.referral;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.aftercare.ReadmissionRequested;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens a readmission referral for each readmission aftercare requests. */
@Component
class ReadmissionEventHandler {

  static final String CONSUMER = "intake.referral.readmissions";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  ReadmissionEventHandler(EventInbox inbox, ReferralService referrals) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers().on(ReadmissionRequested.class, referrals::openReadmission);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.AFTERCARE_ENGAGEMENT)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
