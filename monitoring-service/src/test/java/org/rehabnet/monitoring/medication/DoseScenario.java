package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.site.SitePolicy;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * A proposed dose as the ward sees it, starting from a patient in withdrawal at north: COWS 10, POSS 1
 * and calm vital signs all charted 10 minutes before the dose, last heroin 13 h ago, and an order for
 * exactly what is given. Each test changes what it is about.
 */
final class DoseScenario {

  /** Monday 2 February 2026, 08:00 in New York (13:00 UTC); no clock change that week. */
  static final Instant T0 = Instant.parse("2026-02-02T13:00:00Z");

  Drug drug = Drug.BUPRENORPHINE;
  BigDecimal mg = new BigDecimal("4");
  Route route = Route.SUBLINGUAL;
  Instant at = T0;
  @Nullable SitePolicy site = RealConfiguration.north();
  DoseProposal.@Nullable OrderTerms order;
  final List<DoseProposal.Given> earlier = new ArrayList<>();
  @Nullable Duration vitalsAge = Duration.ofMinutes(10);
  @Nullable Integer rr = 16;
  @Nullable Integer spo2 = 97;
  @Nullable Integer systolic = 120;
  @Nullable Integer pulse = 72;
  boolean scale2;
  @Nullable Duration possAge = Duration.ofMinutes(10);
  @Nullable Integer poss = 1;
  @Nullable Duration cowsAge = Duration.ofMinutes(10);
  @Nullable Integer cows = 10;
  Instant lastShortActingUse = T0.minus(Duration.ofHours(13));
  boolean fentanyl;
  boolean benzo;

  static DoseScenario buprenorphine(String mg) {
    return new DoseScenario().mg(mg);
  }

  static DoseScenario of(Drug drug, String mg) {
    return new DoseScenario().drug(drug).mg(mg);
  }

  DoseScenario drug(Drug value) {
    drug = value;
    route = switch (value) {
      case BUPRENORPHINE -> Route.SUBLINGUAL;
      case NALOXONE -> Route.INTRAMUSCULAR;
      default -> Route.ORAL;
    };
    return this;
  }

  DoseScenario mg(String value) {
    mg = new BigDecimal(value);
    return this;
  }

  DoseScenario at(Duration sinceT0) {
    at = T0.plus(sinceT0);
    return this;
  }

  DoseScenario atLocal(String isoLocalDateTime) {
    at = java.time.LocalDateTime.parse(isoLocalDateTime).atZone(RealConfiguration.NEW_YORK).toInstant();
    return this;
  }

  DoseScenario site(SiteSettings settings) {
    site = RealConfiguration.site(settings, true);
    return this;
  }

  DoseScenario notAnOtp() {
    site = RealConfiguration.site(SiteSettings.defaults(), false);
    return this;
  }

  DoseScenario siteNotConfigured() {
    site = null;
    return this;
  }

  DoseScenario order(DoseProposal.OrderTerms terms) {
    order = terms;
    return this;
  }

  DoseScenario given(Duration sinceT0, String doseMg) {
    earlier.add(new DoseProposal.Given(T0.plus(sinceT0), new BigDecimal(doseMg)));
    return this;
  }

  DoseScenario givenLocal(String isoLocalDateTime, String doseMg) {
    earlier.add(new DoseProposal.Given(
        java.time.LocalDateTime.parse(isoLocalDateTime).atZone(RealConfiguration.NEW_YORK).toInstant(),
        new BigDecimal(doseMg)));
    return this;
  }

  /** The same dose on each of the given treatment days, one morning dose a day at 08:00. */
  DoseScenario dailyDoses(String doseMg, int... days) {
    for (int day : days) {
      given(Duration.ofDays(day - 1L), doseMg);
    }
    return this;
  }

  DoseProposal proposal() {
    DoseProposal.OrderTerms terms = order != null ? order
        : new DoseProposal.OrderTerms(drug, mg, null, null, route, true, null);
    return new DoseProposal(drug, mg, route, at, site, terms, earlier,
        new DoseProposal.Bedside(before(vitalsAge), rr, spo2, systolic, pulse, scale2, before(possAge), poss,
            before(cowsAge), cows),
        lastShortActingUse, fentanyl, benzo);
  }

  private @Nullable Instant before(@Nullable Duration age) {
    return age == null ? null : at.minus(age);
  }
}
