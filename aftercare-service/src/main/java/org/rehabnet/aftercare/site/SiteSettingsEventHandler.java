package org.rehabnet.aftercare.site;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps aftercare's site read model from intake's compacted sites topic. An announcement aftercare
 * could not apply safely (an unknown time zone, a cadence that never advances) is refused to the
 * dead-letter topic, and the site keeps the settings it had.
 */
@Component
class SiteSettingsEventHandler {

  static final String CONSUMER = "aftercare.site.settings";
  private static final Logger log = LoggerFactory.getLogger(SiteSettingsEventHandler.class);

  private final EventInbox inbox;
  private final EventInbox.Handlers handlers;

  SiteSettingsEventHandler(EventInbox inbox, KnownSites sites, SitePolicies policies, Validator validator) {
    this.inbox = inbox;
    this.handlers = EventInbox.handlers().on(SiteConfigured.class, event -> {
      List<String> problems = problems(event, validator);
      if (!problems.isEmpty()) {
        throw new EventInbox.MalformedEvent("SiteConfigured of site " + event.site() + " at sequence "
            + event.metadata().sequence() + " cannot be applied: " + String.join("; ", problems));
      }
      if (sites.configured(event)) {
        policies.learned(event.site());
        log.info("Site {} settings at sequence {} applied", event.site(), event.metadata().sequence());
      } else {
        log.info("Site {} settings at sequence {} are not newer than those held, ignored", event.site(),
            event.metadata().sequence());
      }
    });
  }

  @KafkaListener(id = CONSUMER, topics = Topics.INTAKE_SITES)
  void on(ConsumerRecord<String, byte[]> record) {
    inbox.receive(CONSUMER, record, handlers);
  }

  /** What would make the announcement unsafe to apply here; empty when it is fine. */
  static List<String> problems(SiteConfigured event, Validator validator) {
    List<String> problems = new ArrayList<>();
    try {
      ZoneId.of(event.timeZone());
    } catch (DateTimeException e) {
      problems.add("timeZone is not an IANA zone");
    }
    SiteSettings.Aftercare aftercare = event.settings() == null ? null : event.settings().aftercare();
    if (aftercare == null) {
      problems.add("settings.aftercare is missing");
      return problems;
    }
    Set<ConstraintViolation<SiteSettings.Aftercare>> violations = validator.validate(aftercare);
    problems.addAll(violations.stream().map(v -> "settings.aftercare." + v.getPropertyPath() + " " + v.getMessage())
        .sorted().collect(Collectors.toList()));
    if (!violations.isEmpty()) {
      return problems;
    }
    for (var period : List.of(aftercare.earlyCheckInEvery(), aftercare.earlyPhase(), aftercare.middleCheckInEvery(),
        aftercare.middlePhase(), aftercare.lateCheckInEvery())) {
      if (!advances(period)) {
        problems.add("settings.aftercare has a check-in period that does not move forward");
      }
    }
    if (advances(aftercare.earlyPhase()) && advances(aftercare.middlePhase())
        && !isShorter(aftercare.earlyPhase(), aftercare.middlePhase())) {
      problems.add("settings.aftercare.earlyPhase must end before middlePhase");
    }
    for (Duration window : List.of(aftercare.relapseOutreachWithin(), aftercare.urgentOutreachWithin())) {
      if (window.isNegative() || window.isZero()) {
        problems.add("settings.aftercare has an outreach window that is not positive");
      }
    }
    return problems.stream().distinct().toList();
  }

  private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

  /** Every date plus the period lies after the date (no zero or negative part that could undo it). */
  private static boolean advances(Period period) {
    return !period.isNegative() && !period.isZero();
  }

  private static boolean isShorter(Period shorter, Period longer) {
    return REFERENCE.plus(shorter).isBefore(REFERENCE.plus(longer));
  }
}
