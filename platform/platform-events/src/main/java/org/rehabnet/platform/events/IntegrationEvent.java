package org.rehabnet.platform.events;

/**
 * An event that leaves its service through the outbox. Implementations are records annotated with
 * {@link EventType}; they carry ids, codes and the few facts consumers need, never free text about
 * the patient.
 */
public interface IntegrationEvent {

  EventMetadata metadata();

  /** The Kafka key: the patient id, so one patient's events stay in order on one partition. */
  String key();
}
