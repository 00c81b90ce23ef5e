package org.rehabnet.platform.events;

import java.util.List;
import org.rehabnet.platform.events.aftercare.AftercarePlanCreated;
import org.rehabnet.platform.events.aftercare.AttendanceRecorded;
import org.rehabnet.platform.events.aftercare.ReadmissionRequested;
import org.rehabnet.platform.events.aftercare.RelapseReported;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.events.intake.BedReleased;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.events.intake.ConsentRevoked;
import org.rehabnet.platform.events.intake.PatientDetailsCorrected;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.monitoring.ClinicalAlertRaised;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.platform.events.monitoring.WithdrawalAssessed;

/** Every event type of the platform; docs/events.md describes the same list for people. */
public final class EventCatalogue {

  public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
      PatientRegistered.class, PatientDetailsCorrected.class, AdmissionRecorded.class, BedReleased.class, ConsentGranted.class,
      ConsentRevoked.class, SiteConfigured.class, WithdrawalAssessed.class, ClinicalAlertRaised.class, PatientDischarged.class,
      AftercarePlanCreated.class, AttendanceRecorded.class, RelapseReported.class, ReadmissionRequested.class);

  /** Where an event's JSON Schema lives on the classpath. */
  public static String schemaPath(Class<? extends IntegrationEvent> eventClass) {
    return "event-schemas/" + CloudEventHeaders.typeOf(eventClass).value() + ".json";
  }

  private EventCatalogue() {}
}
