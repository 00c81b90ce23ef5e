package org.rehabnet.monitoring.medication;

/** The observations a hold rule reads; named in {@code missingObservations} when not charted recently enough. */
enum BedsideObservation {
  RESPIRATION_RATE,
  SPO2,
  POSS,
  SYSTOLIC,
  PULSE
}
