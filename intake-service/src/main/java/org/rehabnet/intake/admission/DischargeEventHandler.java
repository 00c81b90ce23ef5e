package org.rehabnet.intake.admission;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Frees the bed and closes the admission when monitoring discharges the patient. */
@Component
class DischargeEventHandler {

  static final String CONSUMER = "intake.admission.discharges";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  DischargeEventHandler(EventInbox inbox, AdmissionService admissions) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers().on(PatientDischarged.class, admissions::discharged);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.MONITORING_EPISODES)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
