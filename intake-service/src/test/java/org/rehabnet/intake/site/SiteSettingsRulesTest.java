package org.rehabnet.intake.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.events.intake.SiteSettings.Aftercare;
import org.rehabnet.platform.events.intake.SiteSettings.Alerts;
import org.rehabnet.platform.events.intake.SiteSettings.Buprenorphine;
import org.rehabnet.platform.events.intake.SiteSettings.DetoxLength;
import org.rehabnet.platform.events.intake.SiteSettings.Holds;
import org.rehabnet.platform.events.intake.SiteSettings.Methadone;
import org.rehabnet.platform.events.intake.SiteSettings.Reassessment;
import org.rehabnet.platform.web.problem.FieldError;

class SiteSettingsRulesTest {

  private static final SiteSettings DEFAULTS = SiteSettings.defaults();

  @Test
  void theDefaultsOfANewSiteBreakNoRule() {
    assertThat(SiteSettingsRules.check(DEFAULTS)).isEmpty();
  }

  @Test
  void routineReassessmentIsAtMostTwelveHourlyAndAtLeastHalfHourly() {
    assertThat(fields(reassessment(Duration.ofHours(12), Duration.ofHours(1)))).isEmpty();
    assertThat(fields(reassessment(Duration.ofHours(12).plusMinutes(1), Duration.ofHours(1))))
        .containsExactly("settings.reassessment.routineInterval");
    assertThat(fields(reassessment(Duration.ofMinutes(30), Duration.ofMinutes(30)))).isEmpty();
    assertThat(fields(reassessment(Duration.ofMinutes(29), Duration.ofMinutes(15))))
        .containsExactly("settings.reassessment.routineInterval");
  }

  @Test
  void intensiveReassessmentIsNeverLessFrequentThanRoutine() {
    assertThat(fields(reassessment(Duration.ofHours(2), Duration.ofHours(2)))).isEmpty();
    assertThat(fields(reassessment(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(1))))
        .containsExactly("settings.reassessment.intensiveInterval");
    assertThat(fields(reassessment(Duration.ofHours(4), Duration.ofMinutes(14))))
        .containsExactly("settings.reassessment.intensiveInterval");
  }

  @Test
  void timesAreWholeMinutes() {
    assertThat(fields(reassessment(Duration.ofHours(4).plusSeconds(30), Duration.ofHours(1))))
        .containsExactly("settings.reassessment.routineInterval");
  }

  @Test
  void buprenorphineWaitsAtLeastTwelveHoursAfterAShortActingOpioid() {
    assertThat(fields(buprenorphine(Duration.ofHours(12), Duration.ofHours(2), Duration.ofHours(24)))).isEmpty();
    assertThat(fields(buprenorphine(Duration.ofHours(12).minusMinutes(1), Duration.ofHours(2), Duration.ofHours(24))))
        .containsExactly("settings.buprenorphine.shortActingOpioidWait");
    assertThat(fields(buprenorphine(Duration.ofHours(73), Duration.ofHours(2), Duration.ofHours(96))))
        .containsExactly("settings.buprenorphine.shortActingOpioidWait");
  }

  @Test
  void furtherBuprenorphineDosesAreNeverAllowedSoonerThanTwoHours() {
    assertThat(fields(buprenorphine(Duration.ofHours(12), Duration.ofMinutes(119), Duration.ofHours(24))))
        .containsExactly("settings.buprenorphine.minimumInterval");
  }

  @Test
  void theFentanylWaitIsNeverShorterThanTheUsualWait() {
    assertThat(fields(buprenorphine(Duration.ofHours(24), Duration.ofHours(2), Duration.ofHours(24)))).isEmpty();
    assertThat(fields(buprenorphine(Duration.ofHours(24), Duration.ofHours(2), Duration.ofHours(23))))
        .containsExactly("settings.buprenorphine.fentanylExtendedWait");
  }

  @Test
  void aBuprenorphineSingleDoseNeverExceedsTheDayOneMaximum() {
    assertThat(fields(buprenorphineMg("2", "4", "4", "16", "24"))).isEmpty();
    assertThat(fields(buprenorphineMg("2", "4", "3.5", "16", "24")))
        .containsExactly("settings.buprenorphine.singleDoseMaxMg");
  }

  @Test
  void theSingleDoseRangeRunsFromItsMinimumToItsMaximum() {
    assertThat(fields(buprenorphineMg("3", "3", "8", "16", "24"))).isEmpty();
    assertThat(fields(buprenorphineMg("3.5", "3", "8", "16", "24")))
        .containsExactly("settings.buprenorphine.singleDoseMinMg");
  }

  @Test
  void dailyMaximaRiseFromDayOneToDayTwoToLater() {
    assertThat(fields(buprenorphineMg("2", "4", "8", "8", "8"))).isEmpty();
    assertThat(fields(buprenorphineMg("2", "4", "8", "7.5", "24")))
        .containsExactly("settings.buprenorphine.dayOneMaxMg");
    assertThat(fields(buprenorphineMg("2", "4", "8", "16", "15.75")))
        .containsExactly("settings.buprenorphine.dayTwoMaxMg");
  }

  @Test
  void aDoseHasAtMostTwoDecimals() {
    assertThat(fields(buprenorphineMg("2.25", "4", "8", "16", "24"))).isEmpty();
    assertThat(fields(buprenorphineMg("2.125", "4", "8", "16", "24")))
        .containsExactly("settings.buprenorphine.singleDoseMinMg");
  }

  @Test
  void theMethadoneFirstDoseNeverExceedsTheDayOneMaximum() {
    Methadone d = DEFAULTS.methadone();
    assertThat(fields(with(new Methadone(mg("30"), d.furtherDoseMaxMg(), d.minimumInterval(),
        d.withdrawalPersistsCowsAtLeast(), mg("30"), d.increaseStepMaxMg(), d.increaseIntervalDays())))).isEmpty();
    assertThat(fields(with(new Methadone(mg("30"), d.furtherDoseMaxMg(), d.minimumInterval(),
        d.withdrawalPersistsCowsAtLeast(), mg("29.5"), d.increaseStepMaxMg(), d.increaseIntervalDays()))))
        .containsExactly("settings.methadone.firstDoseMaxMg");
  }

  @Test
  void aFurtherMethadoneDoseIsNeverAllowedSoonerThanTwoHours() {
    Methadone d = DEFAULTS.methadone();
    assertThat(fields(with(new Methadone(d.firstDoseMaxMg(), d.furtherDoseMaxMg(), Duration.ofHours(2),
        d.withdrawalPersistsCowsAtLeast(), d.dayOneMaxMg(), d.increaseStepMaxMg(), d.increaseIntervalDays()))))
        .isEmpty();
    assertThat(fields(with(new Methadone(d.firstDoseMaxMg(), d.furtherDoseMaxMg(), Duration.ofMinutes(119),
        d.withdrawalPersistsCowsAtLeast(), d.dayOneMaxMg(), d.increaseStepMaxMg(), d.increaseIntervalDays()))))
        .containsExactly("settings.methadone.minimumInterval");
  }

  @Test
  void observationsStayCurrentForAQuarterHourToFourHours() {
    Holds h = DEFAULTS.holds();
    assertThat(fields(with(new Holds(h.possAtLeast(), h.respirationRateBelow(), h.spo2Below(), Duration.ofHours(4),
        h.adjunctSystolicBelow(), h.adjunctPulseBelow())))).isEmpty();
    assertThat(fields(with(new Holds(h.possAtLeast(), h.respirationRateBelow(), h.spo2Below(),
        Duration.ofHours(4).plusMinutes(1), h.adjunctSystolicBelow(), h.adjunctPulseBelow()))))
        .containsExactly("settings.holds.observationsValidFor");
    assertThat(fields(with(new Holds(h.possAtLeast(), h.respirationRateBelow(), h.spo2Below(),
        Duration.ofMinutes(14), h.adjunctSystolicBelow(), h.adjunctPulseBelow()))))
        .containsExactly("settings.holds.observationsValidFor");
  }

  @Test
  void anOpenAlertHidesANewOneForAtMostFourHoursAndZeroMeansNever() {
    assertThat(fields(with(new Alerts(Duration.ZERO)))).isEmpty();
    assertThat(fields(with(new Alerts(Duration.ofHours(4))))).isEmpty();
    assertThat(fields(with(new Alerts(Duration.ofHours(4).plusMinutes(1)))))
        .containsExactly("settings.alerts.repeatSuppressionWindow");
    assertThat(fields(with(new Alerts(Duration.ofMinutes(-1)))))
        .containsExactly("settings.alerts.repeatSuppressionWindow");
  }

  @Test
  void urgentOutreachIsNeverSlowerThanOrdinaryRelapseOutreach() {
    Aftercare a = DEFAULTS.aftercare();
    assertThat(fields(with(new Aftercare(a.earlyCheckInEvery(), a.earlyPhase(), a.middleCheckInEvery(),
        a.middlePhase(), a.lateCheckInEvery(), Duration.ofHours(2), Duration.ofHours(2))))).isEmpty();
    assertThat(fields(with(new Aftercare(a.earlyCheckInEvery(), a.earlyPhase(), a.middleCheckInEvery(),
        a.middlePhase(), a.lateCheckInEvery(), Duration.ofHours(2), Duration.ofHours(2).plusMinutes(1)))))
        .containsExactly("settings.aftercare.urgentOutreachWithin");
  }

  @Test
  void checkInPeriodsArePositiveAndTheEarlyPhaseEndsBeforeTheMiddleOne() {
    Aftercare a = DEFAULTS.aftercare();
    assertThat(fields(with(new Aftercare(Period.ZERO, a.earlyPhase(), a.middleCheckInEvery(), a.middlePhase(),
        a.lateCheckInEvery(), a.relapseOutreachWithin(), a.urgentOutreachWithin()))))
        .containsExactly("settings.aftercare.earlyCheckInEvery");
    assertThat(fields(with(new Aftercare(a.earlyCheckInEvery(), Period.ofMonths(6), a.middleCheckInEvery(),
        Period.ofMonths(6), a.lateCheckInEvery(), a.relapseOutreachWithin(), a.urgentOutreachWithin()))))
        .containsExactly("settings.aftercare.middlePhase");
  }

  @Test
  void heavierDependenceNeverGetsAShorterStay() {
    assertThat(fields(with(new DetoxLength(7, 7, 7, 7, 5)))).isEmpty();
    assertThat(fields(with(new DetoxLength(8, 7, 7, 10, 5)))).containsExactly("settings.detoxLength.mildDays");
    assertThat(fields(with(new DetoxLength(5, 7, 11, 10, 5)))).containsExactly("settings.detoxLength.severeDays");
  }

  private static SiteSettings reassessment(Duration routine, Duration intensive) {
    return with(new Reassessment(routine, intensive, DEFAULTS.reassessment().intensiveCowsThreshold()));
  }

  private static SiteSettings buprenorphine(Duration shortActingWait, Duration interval, Duration fentanylWait) {
    Buprenorphine b = DEFAULTS.buprenorphine();
    return with(new Buprenorphine(b.inductionCowsAtLeast(), b.cowsValidFor(), shortActingWait, interval,
        b.withdrawalPersistsCowsAtLeast(), b.singleDoseMinMg(), b.singleDoseMaxMg(), b.dayOneMaxMg(),
        b.dayOneDocumentedMaxMg(), b.dayTwoStepMinMg(), b.dayTwoStepMaxMg(), b.dayTwoMaxMg(), b.dailyMaxMg(),
        b.fentanylProtocol(), fentanylWait, b.lowDoseSingleDoseMaxMg()));
  }

  private static SiteSettings buprenorphineMg(String singleMin, String singleMax, String dayOne, String dayTwo,
      String daily) {
    Buprenorphine b = DEFAULTS.buprenorphine();
    return with(new Buprenorphine(b.inductionCowsAtLeast(), b.cowsValidFor(), b.shortActingOpioidWait(),
        b.minimumInterval(), b.withdrawalPersistsCowsAtLeast(), mg(singleMin), mg(singleMax), mg(dayOne),
        b.dayOneDocumentedMaxMg(), b.dayTwoStepMinMg(), b.dayTwoStepMaxMg(), mg(dayTwo), mg(daily),
        b.fentanylProtocol(), b.fentanylExtendedWait(), b.lowDoseSingleDoseMaxMg()));
  }

  private static SiteSettings with(Object part) {
    SiteSettings d = DEFAULTS;
    return new SiteSettings(
        part instanceof DetoxLength x ? x : d.detoxLength(),
        part instanceof Reassessment x ? x : d.reassessment(),
        part instanceof Buprenorphine x ? x : d.buprenorphine(),
        part instanceof Methadone x ? x : d.methadone(),
        part instanceof Holds x ? x : d.holds(),
        part instanceof Alerts x ? x : d.alerts(),
        part instanceof Aftercare x ? x : d.aftercare());
  }

  private static List<String> fields(SiteSettings settings) {
    return SiteSettingsRules.check(settings).stream().map(FieldError::field).toList();
  }

  private static BigDecimal mg(String value) {
    return new BigDecimal(value);
  }
}
