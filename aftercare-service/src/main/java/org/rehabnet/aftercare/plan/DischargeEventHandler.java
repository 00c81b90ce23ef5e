package org.rehabnet.aftercare.plan;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens the aftercare plan when monitoring discharges a person from detox. */
@Component
class DischargeEventHandler {

  static final String CONSUMER = "aftercare.plan.discharges";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  DischargeEventHandler(EventInbox inbox, PlanService plans) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers().on(PatientDischarged.class, plans::openFrom);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.MONITORING_EPISODES)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
