package org.rehabnet.aftercare.care;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.PatientDetailsCorrected;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps aftercare's copy of registered people's minimum identity: created by the registration,
 * replaced by each correction, the newest by sequence winning.
 */
@Component
class PatientEventHandler {

  static final String CONSUMER = "aftercare.care.patients";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  PatientEventHandler(EventInbox inbox, PatientIdentities identities) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers()
        .on(PatientRegistered.class, registered -> identities.save(
            identities.findById(registered.patientId())
                .map(known -> known.updatedFrom(registered))
                .orElseGet(() -> PatientIdentity.from(registered))))
        .on(PatientDetailsCorrected.class, corrected -> identities.save(
            identities.findById(corrected.patientId())
                .map(known -> known.correctedBy(corrected))
                .orElseGet(() -> PatientIdentity.from(corrected))));
  }

  @KafkaListener(id = CONSUMER, topics = Topics.INTAKE_PATIENTS)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
