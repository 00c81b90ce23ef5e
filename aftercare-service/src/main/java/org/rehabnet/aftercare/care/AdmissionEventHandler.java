package org.rehabnet.aftercare.care;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps aftercare's read model of admitted patients. */
@Component
class AdmissionEventHandler {

  static final String CONSUMER = "aftercare.care.admissions";

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  AdmissionEventHandler(EventInbox inbox, PatientsInCare patients) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers().on(AdmissionRecorded.class, admission -> patients.save(
        patients.findById(admission.patientId())
            .map(known -> known.readmitted(admission.site(), admission.admissionId(), admission.admittedAt()))
            .orElseGet(() -> PatientInCare.admitted(admission.patientId(), admission.site(),
                admission.admissionId(), admission.admittedAt()))));
  }

  @KafkaListener(id = CONSUMER, topics = Topics.INTAKE_ADMISSIONS)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }
}
