package org.rehabnet.monitoring.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.monitoring.medication.DoseScenario.buprenorphine;
import static org.rehabnet.monitoring.medication.DoseScenario.of;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.events.intake.SiteSettings.FentanylProtocol;

/** Every dosing rule at its boundaries, on the real defaults (SiteSettings.defaults(), application.yml). */
class DosingPolicyTest {

  final DosingPolicy policy = RealConfiguration.policy();

  List<DoseRule> broken(DoseScenario dose) {
    return policy.check(dose.proposal()).rules();
  }

  DoseDecision decide(DoseScenario dose, String reason, boolean physician) {
    return policy.decide(dose.proposal(), reason, physician);
  }

  static Duration h(double hours) {
    return Duration.ofMinutes(Math.round(hours * 60));
  }

  static Duration min(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  @Test
  void aCalmPatientInWithdrawalGetsTheFirstDose() {
    assertThat(broken(buprenorphine("4"))).isEmpty();
  }

  @Nested
  class WhatIsGivenIsWhatWasOrdered {

    @Test
    void refusesADrugOtherThanTheOrdersEvenAtTheSameDose() {
      var dose = buprenorphine("4").order(DoseProposal.OrderTerms.fixed(Drug.METHADONE, "4", Route.SUBLINGUAL));
      assertThat(broken(dose)).startsWith(DoseRule.DRUG_NOT_AS_ORDERED);
    }

    @ParameterizedTest
    @CsvSource({"3.99, false", "4, true", "4.00, true", "4.01, false"})
    void aFixedOrderAllowsExactlyItsDose(String mg, boolean allowed) {
      var dose = buprenorphine(mg).order(DoseProposal.OrderTerms.fixed(Drug.BUPRENORPHINE, "4", Route.SUBLINGUAL));
      assertThat(broken(dose).contains(DoseRule.DOSE_NOT_AS_ORDERED)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"1.99, false", "2, true", "3, true", "4, true", "4.01, false"})
    void aPrnOrderAllowsAnyDoseWithinItsRangeAndNoneOutside(String mg, boolean allowed) {
      var dose = buprenorphine(mg).order(DoseProposal.OrderTerms.range(Drug.BUPRENORPHINE, "2", "4",
          Route.SUBLINGUAL));
      assertThat(broken(dose).contains(DoseRule.DOSE_NOT_AS_ORDERED)).isEqualTo(!allowed);
    }

    @Test
    void refusesARouteOtherThanTheOrders() {
      var dose = buprenorphine("4").order(DoseProposal.OrderTerms.fixed(Drug.BUPRENORPHINE, "4", Route.ORAL));
      assertThat(broken(dose)).containsExactly(DoseRule.ROUTE_NOT_AS_ORDERED);
    }

    @Test
    void refusesADoseAgainstAStoppedOrder() {
      var dose = buprenorphine("4").order(new DoseProposal.OrderTerms(Drug.BUPRENORPHINE, java.math.BigDecimal.valueOf(4),
          null, null, Route.SUBLINGUAL, false, null));
      assertThat(broken(dose)).containsExactly(DoseRule.ORDER_NOT_ACTIVE);
    }

    @Test
    void noPhysiciansReasonMakesAnotherDoseTheOrderedOne() {
      var dose = buprenorphine("3").order(DoseProposal.OrderTerms.fixed(Drug.BUPRENORPHINE, "4", Route.SUBLINGUAL));
      assertThat(decide(dose, "Patient asked for a smaller dose", true)).isInstanceOf(DoseDecision.Refuse.class);
      assertThat(List.of(DoseRule.ORDER_NOT_ACTIVE, DoseRule.DRUG_NOT_AS_ORDERED, DoseRule.DOSE_NOT_AS_ORDERED,
          DoseRule.ROUTE_NOT_AS_ORDERED)).noneMatch(DoseRule::overridable);
    }

    @Test
    void naloxoneGivenDifferentlyOrOnAStoppedOrderIsRecordedWithAWarningNeverRefused() {
      var dose = of(Drug.NALOXONE, "2").order(new DoseProposal.OrderTerms(Drug.NALOXONE,
          new java.math.BigDecimal("0.4"), null, null, Route.INTRAMUSCULAR, false, null));
      dose.route = Route.INTRANASAL;
      Verdict verdict = policy.check(dose.proposal());
      assertThat(verdict.safe()).isTrue();
      assertThat(verdict.warnings()).containsExactly(DoseWarning.NALOXONE_ORDER_NOT_ACTIVE,
          DoseWarning.NALOXONE_NOT_AS_ORDERED);
    }

    @Test
    void naloxoneChartedAgainstAnotherDrugsOrderIsRefused() {
      var dose = of(Drug.NALOXONE, "0.4").order(DoseProposal.OrderTerms.fixed(Drug.METHADONE, "0.4",
          Route.INTRAMUSCULAR));
      assertThat(broken(dose)).containsExactly(DoseRule.DRUG_NOT_AS_ORDERED);
    }
  }

  @Nested
  class SiteNotConfigured {

    @ParameterizedTest
    @EnumSource(value = Drug.class, names = "NALOXONE", mode = EnumSource.Mode.EXCLUDE)
    void aDoseAtASiteWhoseSettingsHaveNotArrivedIsRefusedAndCannotBeOverridden(Drug drug) {
      var dose = of(drug, "1").siteNotConfigured();
      assertThat(broken(dose)).containsExactly(DoseRule.SITE_NOT_CONFIGURED);
      assertThat(decide(dose, "Site settings are on their way", true)).isInstanceOf(DoseDecision.Refuse.class);
    }

    @Test
    void naloxoneIsGivenEvenWhereTheSiteIsNotConfigured() {
      var dose = of(Drug.NALOXONE, "0.4").siteNotConfigured();
      dose.rr = 4;
      dose.poss = 4;
      assertThat(broken(dose)).isEmpty();
    }
  }

  @Nested
  class Holds_ {

    @Test
    void anOpioidWithNoVitalSignsChartedIsRefusedNamingWhatIsMissing() {
      var dose = buprenorphine("4");
      dose.vitalsAge = null;
      Verdict verdict = policy.check(dose.proposal());
      assertThat(verdict.rules()).containsExactly(DoseRule.OBSERVATIONS_NOT_CURRENT);
      assertThat(verdict.violations().getFirst().missing())
          .containsExactly(BedsideObservation.RESPIRATION_RATE, BedsideObservation.SPO2);
    }

    @Test
    void anOpioidWithNoPossChartedIsRefused() {
      var dose = buprenorphine("4");
      dose.possAge = null;
      Verdict verdict = policy.check(dose.proposal());
      assertThat(verdict.rules()).containsExactly(DoseRule.OBSERVATIONS_NOT_CURRENT);
      assertThat(verdict.violations().getFirst().missing()).containsExactly(BedsideObservation.POSS);
    }

    @ParameterizedTest
    @CsvSource({"59, true", "60, true", "61, false"})
    void vitalSignsCountForSixtyMinutes(int minutesOld, boolean allowed) {
      var dose = buprenorphine("4");
      dose.vitalsAge = min(minutesOld);
      assertThat(broken(dose).contains(DoseRule.OBSERVATIONS_NOT_CURRENT)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"59, true", "60, true", "61, false"})
    void possCountsForSixtyMinutes(int minutesOld, boolean allowed) {
      var dose = buprenorphine("4");
      dose.possAge = min(minutesOld);
      assertThat(broken(dose).contains(DoseRule.OBSERVATIONS_NOT_CURRENT)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"29, true", "30, true", "31, false"})
    void aSiteMayAskForMoreRecentObservations(int minutesOld, boolean allowed) {
      var dose = buprenorphine("4").site(SiteVariants.holdsWithin(Duration.ofMinutes(30)));
      dose.vitalsAge = min(minutesOld);
      assertThat(broken(dose).contains(DoseRule.OBSERVATIONS_NOT_CURRENT)).isEqualTo(!allowed);
    }

    @Test
    void staleLowBreathingIsNotCurrentSoTheDoseIsRefusedForThatNotHeld() {
      var dose = buprenorphine("4");
      dose.vitalsAge = min(90);
      dose.rr = 8;
      assertThat(broken(dose)).containsExactly(DoseRule.OBSERVATIONS_NOT_CURRENT);
    }

    @ParameterizedTest
    @CsvSource({"2, true", "3, false", "4, false"})
    void holdsWhenSedated(int poss, boolean allowed) {
      var dose = buprenorphine("4");
      dose.poss = poss;
      assertThat(broken(dose).contains(DoseRule.HOLD_SEDATION)).isEqualTo(!allowed);
    }

    @Test
    void asleepAndEasyToArouseIsNotSedation() {
      var dose = buprenorphine("4");
      dose.poss = 0;
      assertThat(broken(dose)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"11, true", "10, true", "9, false"})
    void holdsWhenBreathingIsSlow(int rr, boolean allowed) {
      var dose = buprenorphine("4");
      dose.rr = rr;
      assertThat(broken(dose).contains(DoseRule.HOLD_RESPIRATORY_RATE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"91, true", "90, true", "89, false"})
    void holdsWhenSaturationIsLow(int spo2, boolean allowed) {
      var dose = buprenorphine("4");
      dose.spo2 = spo2;
      assertThat(broken(dose).contains(DoseRule.HOLD_OXYGEN_SATURATION)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"89, true", "88, true", "87, false"})
    void onSpo2Scale2ThePrescribedTargetIsNoReasonToHold(int spo2, boolean allowed) {
      var dose = buprenorphine("4");
      dose.scale2 = true;
      dose.spo2 = spo2;
      assertThat(broken(dose).contains(DoseRule.HOLD_OXYGEN_SATURATION)).isEqualTo(!allowed);
    }

    @Test
    void holdsApplyToMethadoneToo() {
      var dose = of(Drug.METHADONE, "20");
      dose.poss = 3;
      assertThat(broken(dose)).containsExactly(DoseRule.HOLD_SEDATION);
    }

    @Test
    void theFirstMethadoneDoseNeedsTheSameCurrentObservations() {
      var dose = of(Drug.METHADONE, "20");
      dose.vitalsAge = min(61);
      dose.possAge = null;
      Verdict verdict = policy.check(dose.proposal());
      assertThat(verdict.rules()).containsExactly(DoseRule.OBSERVATIONS_NOT_CURRENT);
      assertThat(verdict.violations().getFirst().missing()).containsExactly(BedsideObservation.RESPIRATION_RATE,
          BedsideObservation.SPO2, BedsideObservation.POSS);
    }

    @ParameterizedTest
    @EnumSource(value = Drug.class, names = {"ZOPICLONE", "TRAZODONE"})
    void sedativesAreHeldLikeOpioids(Drug sedative) {
      var sedated = of(sedative, "1");
      sedated.poss = 3;
      assertThat(broken(sedated)).containsExactly(DoseRule.HOLD_SEDATION);
      var slow = of(sedative, "1");
      slow.rr = 9;
      assertThat(broken(slow)).containsExactly(DoseRule.HOLD_RESPIRATORY_RATE);
      var desaturated = of(sedative, "1");
      desaturated.spo2 = 89;
      assertThat(broken(desaturated)).containsExactly(DoseRule.HOLD_OXYGEN_SATURATION);
      var unobserved = of(sedative, "1");
      unobserved.possAge = min(61);
      assertThat(broken(unobserved)).containsExactly(DoseRule.OBSERVATIONS_NOT_CURRENT);
      assertThat(broken(of(sedative, "1"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"CLONIDINE, 91, true", "CLONIDINE, 90, true", "CLONIDINE, 89, false", "LOFEXIDINE, 90, true",
        "LOFEXIDINE, 89, false"})
    void alphaTwoAgonistsAreHeldBelowTheSystolicFloor(Drug drug, int systolic, boolean allowed) {
      var dose = of(drug, "0.1");
      dose.systolic = systolic;
      assertThat(broken(dose).contains(DoseRule.HOLD_BLOOD_PRESSURE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"CLONIDINE, 56, true", "CLONIDINE, 55, true", "CLONIDINE, 54, false", "LOFEXIDINE, 54, false"})
    void alphaTwoAgonistsAreHeldBelowThePulseFloor(Drug drug, int pulse, boolean allowed) {
      var dose = of(drug, "0.1");
      dose.pulse = pulse;
      assertThat(broken(dose).contains(DoseRule.HOLD_PULSE)).isEqualTo(!allowed);
    }

    @Test
    void alphaTwoAgonistsNeedCurrentBloodPressureAndPulseButNotPoss() {
      var dose = of(Drug.CLONIDINE, "0.1");
      dose.possAge = null;
      assertThat(broken(dose)).isEmpty();
      dose.vitalsAge = min(61);
      Verdict verdict = policy.check(dose.proposal());
      assertThat(verdict.rules()).containsExactly(DoseRule.OBSERVATIONS_NOT_CURRENT);
      assertThat(verdict.violations().getFirst().missing()).containsExactly(BedsideObservation.SYSTOLIC,
          BedsideObservation.PULSE);
    }

    @ParameterizedTest
    @EnumSource(value = Drug.class, names = {"LOPERAMIDE", "ONDANSETRON"})
    void loperamideAndOndansetronNeedNoObservations(Drug drug) {
      var dose = of(drug, "2");
      dose.vitalsAge = null;
      dose.possAge = null;
      assertThat(broken(dose)).isEmpty();
    }

    @Test
    void naloxoneIsNeverHeld() {
      var dose = of(Drug.NALOXONE, "0.4").given(Duration.ZERO, "0.4").at(min(2));
      dose.poss = 4;
      dose.rr = 4;
      dose.spo2 = 70;
      dose.vitalsAge = null;
      assertThat(policy.check(dose.proposal()).safe()).isTrue();
    }

    @Test
    void holdsAreOverridableByAPhysicianWithAReason() {
      var dose = buprenorphine("4");
      dose.rr = 9;
      assertThat(decide(dose, "RR 9 while asleep, rouses easily; reviewed at bedside", true))
          .isInstanceOf(DoseDecision.GiveOverridden.class);
    }
  }

  @Nested
  class BuprenorphineInduction {

    @ParameterizedTest
    @CsvSource({"7, false", "8, true", "9, true"})
    void needsACowsOfEightOrMore(int cows, boolean allowed) {
      var dose = buprenorphine("4");
      dose.cows = cows;
      assertThat(broken(dose).contains(DoseRule.INDUCTION_THRESHOLD)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"11, false", "12, true", "13, true"})
    void aSiteMayRaiseTheThreshold(int cows, boolean allowed) {
      var dose = buprenorphine("4").site(SiteVariants.inductionCows(12));
      dose.cows = cows;
      assertThat(broken(dose).contains(DoseRule.INDUCTION_THRESHOLD)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"59, true", "60, true", "61, false"})
    void theCowsMustBeFromTheLastHour(int minutesOld, boolean allowed) {
      var dose = buprenorphine("4");
      dose.cowsAge = min(minutesOld);
      assertThat(broken(dose).contains(DoseRule.INDUCTION_THRESHOLD)).isEqualTo(!allowed);
    }

    @Test
    void noCowsNoInduction() {
      var dose = buprenorphine("4");
      dose.cowsAge = null;
      dose.cows = null;
      assertThat(broken(dose)).containsExactly(DoseRule.INDUCTION_THRESHOLD);
    }

    @ParameterizedTest
    @CsvSource({"719, false", "720, true", "721, true"})
    void waitsTwelveHoursAfterTheLastShortActingOpioid(int minutes, boolean allowed) {
      var dose = buprenorphine("4");
      dose.lastShortActingUse = DoseScenario.T0.minus(min(minutes));
      assertThat(broken(dose).contains(DoseRule.SHORT_ACTING_OPIOID_WAIT)).isEqualTo(!allowed);
    }

    @Test
    void warnsOfPrecipitatedWithdrawalAfterFentanylButDoesNotBlockAtAStandardSite() {
      var dose = buprenorphine("4");
      dose.fentanyl = true;
      Verdict verdict = policy.check(dose.proposal());
      assertThat(verdict.safe()).isTrue();
      assertThat(verdict.warnings()).containsExactly(DoseWarning.PRECIPITATED_WITHDRAWAL_RISK);
    }

    @ParameterizedTest
    @CsvSource({"1439, false", "1440, true"})
    void aSiteWithTheExtendedWaitWaitsTwentyFourHoursAfterFentanyl(int minutes, boolean allowed) {
      var dose = buprenorphine("4").site(SiteVariants.fentanylProtocol(FentanylProtocol.EXTENDED_WAIT));
      dose.fentanyl = true;
      dose.lastShortActingUse = DoseScenario.T0.minus(min(minutes));
      assertThat(broken(dose).contains(DoseRule.FENTANYL_EXTENDED_WAIT)).isEqualTo(!allowed);
      assertThat(DoseRule.FENTANYL_EXTENDED_WAIT.overridable()).isTrue();
    }

    @Test
    void theExtendedWaitIsOnlyForFentanylExposure() {
      var dose = buprenorphine("4").site(SiteVariants.fentanylProtocol(FentanylProtocol.EXTENDED_WAIT));
      assertThat(broken(dose)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0.5, true", "1, true", "1.01, false"})
    void aLowDoseSiteGivesOnlySmallDosesOnDayOneAfterFentanyl(String mg, boolean allowed) {
      var dose = buprenorphine(mg).site(SiteVariants.fentanylProtocol(FentanylProtocol.LOW_DOSE));
      dose.fentanyl = true;
      assertThat(broken(dose).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @Test
    void withoutFentanylALowDoseSiteKeepsTheUsualRange() {
      var dose = buprenorphine("1").site(SiteVariants.fentanylProtocol(FentanylProtocol.LOW_DOSE));
      assertThat(broken(dose)).containsExactly(DoseRule.SINGLE_DOSE_RANGE);
    }

    @Test
    void warnsOfRespiratoryRiskWithBenzodiazepines() {
      var dose = buprenorphine("4");
      dose.benzo = true;
      assertThat(policy.check(dose.proposal()).warnings()).containsExactly(DoseWarning.BENZODIAZEPINE_RESPIRATORY_RISK);
      var sleepAid = of(Drug.ZOPICLONE, "3.75");
      sleepAid.benzo = true;
      assertThat(policy.check(sleepAid.proposal()).warnings())
          .containsExactly(DoseWarning.BENZODIAZEPINE_RESPIRATORY_RISK);
    }

    @ParameterizedTest
    @CsvSource({"1.99, false", "2, true", "4, true", "4.01, false"})
    void dayOneDosesAreTwoToFourMilligrams(String mg, boolean allowed) {
      assertThat(broken(buprenorphine(mg)).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }
  }

  @Nested
  class BuprenorphineDayOne {

    @ParameterizedTest
    @CsvSource({"7, false", "8, true"})
    void aFurtherDoseNeedsACowsShowingWithdrawalPersists(int cows, boolean allowed) {
      var dose = buprenorphine("4").given(Duration.ZERO, "4").at(h(2));
      dose.cows = cows;
      assertThat(broken(dose).contains(DoseRule.WITHDRAWAL_NOT_PERSISTING)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"60, true", "61, false"})
    void theCowsForAFurtherDoseIsFromTheLastHour(int minutesOld, boolean allowed) {
      var dose = buprenorphine("4").given(Duration.ZERO, "4").at(h(2.5));
      dose.cowsAge = min(minutesOld);
      assertThat(broken(dose).contains(DoseRule.WITHDRAWAL_NOT_PERSISTING)).isEqualTo(!allowed);
    }

    @Test
    void aCowsChartedBeforeTheLastDoseDoesNotShowWithdrawalPersisting() {
      // COWS 30 minutes before the first dose, a further dose 20 minutes after it.
      var dose = buprenorphine("4").given(Duration.ZERO, "4").at(min(20));
      dose.cowsAge = min(50);
      assertThat(broken(dose)).contains(DoseRule.WITHDRAWAL_NOT_PERSISTING);
    }

    @ParameterizedTest
    @CsvSource({"119, false", "120, true", "121, true"})
    void dosesAreTwoHoursApart(int minutes, boolean allowed) {
      var dose = buprenorphine("2").given(Duration.ZERO, "4").at(min(minutes));
      assertThat(broken(dose).contains(DoseRule.MINIMUM_INTERVAL)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"3.5, true", "4, true", "4.5, false"})
    void dayOneAddsUpToEightMilligrams(String alreadyAtTwoHours, boolean allowed) {
      var dose = buprenorphine("2").given(Duration.ZERO, "2").given(h(2), alreadyAtTwoHours).at(h(4));
      assertThat(broken(dose)).isEqualTo(allowed ? List.of() : List.of(DoseRule.DAILY_MAXIMUM));
    }

    @ParameterizedTest
    @CsvSource({"4, true", "4.5, false"})
    void aPhysiciansDocumentedDayOneOnTheOrderRaisesTheDayOneMaximum(String second, boolean allowed) {
      // An order documented for 12 mg on day 1: 4 + second + 4 is 12 or 12.5 mg.
      var dose = buprenorphine("4").site(SiteVariants.bupLimits("16", "24"))
          .order(new DoseProposal.OrderTerms(Drug.BUPRENORPHINE, null, new java.math.BigDecimal("2"),
              new java.math.BigDecimal("4"), Route.SUBLINGUAL, true, new java.math.BigDecimal("12")))
          .given(Duration.ZERO, "4").given(h(2), second).at(h(4));
      assertThat(broken(dose)).isEqualTo(allowed ? List.of() : List.of(DoseRule.DAILY_MAXIMUM));
    }

    @Test
    void theDayOneMaximumIsSetAsideOnlyByAPhysicianWithAReason() {
      var dose = buprenorphine("4").given(Duration.ZERO, "4").given(h(2), "4").at(h(4));
      assertThat(broken(dose)).containsExactly(DoseRule.DAILY_MAXIMUM);
      assertThat(policy.decide(dose.proposal(), null, true)).isInstanceOf(DoseDecision.Refuse.class);
      assertThat(policy.decide(dose.proposal(), "   ", true)).isInstanceOf(DoseDecision.Refuse.class);
      assertThat(decide(dose, "Persistent withdrawal, COWS 14 documented", false))
          .isInstanceOf(DoseDecision.OverrideNotPermitted.class);
      assertThat(decide(dose, "Persistent withdrawal, COWS 14 documented", true))
          .isEqualTo(new DoseDecision.GiveOverridden(List.of(DoseRule.DAILY_MAXIMUM),
              "Persistent withdrawal, COWS 14 documented", List.of()));
    }

    @Test
    void aReasonWithASafeDoseRecordsNoOverride() {
      assertThat(decide(buprenorphine("4"), "Just in case", true)).isInstanceOf(DoseDecision.Give.class);
    }

    @ParameterizedTest
    @CsvSource({"22, false", "22.5, true"})
    void twentyFourMilligramsIsTheHardMaximumEvenOnDayOneUnderOverride(String before, boolean refusedHard) {
      // Day 1 brought to 20 mg and then 22 or 22.5 by physician overrides; the next 2 mg would make 24 or 24.5.
      var dose = buprenorphine("2").given(Duration.ZERO, "4").given(h(2), "4").given(h(4), "4").given(h(6), "4")
          .given(h(8), "4").given(h(10), before.equals("22") ? "2" : "2.5").at(h(12));
      Verdict verdict = policy.check(dose.proposal());
      assertThat(verdict.rules().contains(DoseRule.BUPRENORPHINE_HARD_MAXIMUM)).isEqualTo(refusedHard);
      DoseDecision decision = decide(dose, "Severe persistent withdrawal, reviewed", true);
      if (refusedHard) {
        assertThat(decision).isInstanceOf(DoseDecision.Refuse.class);
        assertThat(verdict.rules().getFirst()).as("the rule no reason unlocks is named first")
            .isEqualTo(DoseRule.BUPRENORPHINE_HARD_MAXIMUM);
      } else {
        assertThat(decision).isInstanceOf(DoseDecision.GiveOverridden.class);
      }
    }
  }

  @Nested
  class BuprenorphineLaterDays {

    @ParameterizedTest
    @CsvSource({"8, true", "8.5, false"})
    void dayTwoMayStartWithTheDayOneTotalAsOneMorningDose(String mg, boolean allowed) {
      var dose = buprenorphine(mg).given(Duration.ZERO, "4").given(h(2), "4").at(Duration.ofDays(1));
      assertThat(broken(dose).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"1.99, false", "2, true", "4, true", "4.01, false"})
    void furtherDayTwoDosesAreTwoToFourMilligramSteps(String mg, boolean allowed) {
      var dose = buprenorphine(mg).given(Duration.ZERO, "4").given(h(2), "4").given(Duration.ofDays(1), "8")
          .at(Duration.ofDays(1).plus(h(2)));
      assertThat(broken(dose).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"4, 3.5, true", "4, 4, true", "4.5, 4, false"})
    void dayTwoAddsUpToSixteenMilligrams(String second, String third, boolean allowed) {
      // 8 mg in the morning, then two steps: 15.5, 16 or (the second step given by override) 16.5 mg.
      var dose = buprenorphine(third).given(Duration.ZERO, "4").given(h(2), "4")
          .given(Duration.ofDays(1), "8").given(Duration.ofDays(1).plus(h(2)), second)
          .at(Duration.ofDays(1).plus(h(4)));
      assertThat(broken(dose)).isEqualTo(allowed ? List.of() : List.of(DoseRule.DAILY_MAXIMUM));
    }

    @Test
    void theSingleDoseRangeAppliesOnDayThreeToo() {
      // The bug of issue #12: after day 1 a 6 mg further dose passed unchecked.
      var dose = buprenorphine("6").given(Duration.ZERO, "4").given(h(2), "4").given(Duration.ofDays(1), "8")
          .given(Duration.ofDays(1).plus(h(2)), "4").given(Duration.ofDays(2), "12").at(Duration.ofDays(2).plus(h(2)));
      assertThat(broken(dose)).containsExactly(DoseRule.SINGLE_DOSE_RANGE);
    }

    @ParameterizedTest
    @CsvSource({"16, true", "16.5, false"})
    void fromDayThreeTheFirstDoseMayBeThePreviousDaysTotal(String mg, boolean allowed) {
      var dose = buprenorphine(mg).given(Duration.ZERO, "4").given(h(2), "4").given(Duration.ofDays(1), "8")
          .given(Duration.ofDays(1).plus(h(2)), "4").given(Duration.ofDays(1).plus(h(4)), "4")
          .at(Duration.ofDays(2));
      assertThat(broken(dose).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"4, true", "4.5, false"})
    void fromDayThreeTheSiteDailyMaximumApplies(String last, boolean allowed) {
      // A site with 20 mg a day from day 3: 16 + last.
      var dose = buprenorphine(last).site(SiteVariants.bupLimits(null, "20")).given(Duration.ZERO, "4")
          .given(h(2), "4").given(Duration.ofDays(1), "8").given(Duration.ofDays(1).plus(h(2)), "4")
          .given(Duration.ofDays(1).plus(h(4)), "4").given(Duration.ofDays(2), "16").at(Duration.ofDays(2).plus(h(2)));
      var rules = broken(dose);
      assertThat(rules.contains(DoseRule.DAILY_MAXIMUM)).isEqualTo(!allowed);
      assertThat(rules).doesNotContain(DoseRule.BUPRENORPHINE_HARD_MAXIMUM);
    }

    @ParameterizedTest
    @CsvSource({"4, false", "4.5, true"})
    void fromDayThreeTwentyFourMilligramsIsTheHardMaximum(String last, boolean hard) {
      var dose = buprenorphine(last).given(Duration.ZERO, "4").given(h(2), "4").given(Duration.ofDays(1), "8")
          .given(Duration.ofDays(1).plus(h(2)), "4").given(Duration.ofDays(1).plus(h(4)), "4")
          .given(Duration.ofDays(2), "16").given(Duration.ofDays(2).plus(h(2)), "4")
          .at(Duration.ofDays(2).plus(h(4)));
      assertThat(broken(dose).contains(DoseRule.BUPRENORPHINE_HARD_MAXIMUM)).isEqualTo(hard);
    }
  }

  @Nested
  class TreatmentDay {

    @Test
    void aDoseJustAfterMidnightAtTheSiteIsTheNextTreatmentDay() {
      // First dose 20:00 and 22:00 in New York (8 mg); 00:10 is day 2 there, though still the same 24 h and,
      // in UTC, the same date (01:00 and 05:10 UTC).
      var dose = buprenorphine("8").givenLocal("2026-02-02T20:00", "4").givenLocal("2026-02-02T22:00", "4")
          .atLocal("2026-02-03T00:10");
      assertThat(broken(dose)).as("the day-1 total as the first dose of day 2").isEmpty();
    }

    @Test
    void aDoseJustBeforeMidnightAtTheSiteIsStillDayOne() {
      var dose = buprenorphine("4").givenLocal("2026-02-02T19:30", "4").givenLocal("2026-02-02T21:30", "4")
          .atLocal("2026-02-02T23:59");
      assertThat(broken(dose)).as("12 mg on day 1").containsExactly(DoseRule.DAILY_MAXIMUM);
    }

    @Test
    void treatmentDaysAreCalendarDaysEvenAcrossTheClockChange() {
      // 8 March 2026: clocks go forward in New York; 22:00 to 22:00 is 23 hours and still the next day.
      var dose = buprenorphine("8").givenLocal("2026-03-07T18:00", "4").givenLocal("2026-03-07T22:00", "4")
          .atLocal("2026-03-08T22:00");
      assertThat(new TreatmentDays(dose.site, dose.earlier, dose.at).today()).isEqualTo(2);
      assertThat(broken(dose)).isEmpty();
    }
  }

  @Nested
  class Methadone {

    @Test
    void onlyAtAnOpioidTreatmentProgramAndNoReasonChangesThat() {
      var south = of(Drug.METHADONE, "20").notAnOtp();
      assertThat(broken(south)).containsExactly(DoseRule.OTP_REQUIRED);
      assertThat(decide(south, "Transfer pending, documented", true)).isInstanceOf(DoseDecision.Refuse.class);
      assertThat(broken(of(Drug.METHADONE, "20"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"29.99, true", "30, true", "30.01, false"})
    void theFirstDoseIsAtMostThirtyMilligrams(String mg, boolean allowed) {
      assertThat(broken(of(Drug.METHADONE, mg)).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"9.99, true", "10, true", "10.01, false"})
    void aFurtherDoseOnDayOneIsAtMostTenMilligrams(String mg, boolean allowed) {
      var dose = of(Drug.METHADONE, mg).given(Duration.ZERO, "20").at(h(3));
      assertThat(broken(dose).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"179, false", "180, true", "181, true"})
    void aFurtherDoseWaitsThreeHours(int minutes, boolean allowed) {
      var dose = of(Drug.METHADONE, "10").given(Duration.ZERO, "20").at(min(minutes));
      assertThat(broken(dose).contains(DoseRule.MINIMUM_INTERVAL)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"7, false", "8, true"})
    void aFurtherDayOneDoseNeedsWithdrawalStillPresent(int cows, boolean allowed) {
      var dose = of(Drug.METHADONE, "10").given(Duration.ZERO, "30").at(h(3));
      dose.cows = cows;
      assertThat(broken(dose).contains(DoseRule.WITHDRAWAL_NOT_PERSISTING)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"60, true", "61, false"})
    void theCowsForAFurtherMethadoneDoseIsFromTheSiteWindow(int minutesOld, boolean allowed) {
      var dose = of(Drug.METHADONE, "10").given(Duration.ZERO, "30").at(h(3));
      dose.cowsAge = min(minutesOld);
      assertThat(broken(dose).contains(DoseRule.WITHDRAWAL_NOT_PERSISTING)).isEqualTo(!allowed);
    }

    @Test
    void dayOneUpToFortyMilligramsIsGiven() {
      assertThat(broken(of(Drug.METHADONE, "10").given(Duration.ZERO, "30").at(h(3)))).isEmpty();
    }

    @Test
    void aDoseBeyondTheSitesFortyMilligramDayOneCeilingIsRefusedWhateverTheReason() {
      var dose = of(Drug.METHADONE, "0.5").given(Duration.ZERO, "30").given(h(3), "10").at(h(6));
      assertThat(broken(dose)).containsExactly(DoseRule.METHADONE_DAY_ONE_CEILING);
      assertThat(decide(dose, "Severe withdrawal persists, documented", true)).isInstanceOf(DoseDecision.Refuse.class);
    }

    @ParameterizedTest
    @CsvSource({"10, true", "10.5, false"})
    void aSiteMayAllowFiftyMilligramsOnDayOne(String third, boolean allowed) {
      var dose = of(Drug.METHADONE, third).site(SiteVariants.methadone("50", "10", 5)).given(Duration.ZERO, "30")
          .given(h(3), "10").at(h(6));
      var rules = broken(dose);
      assertThat(rules.contains(DoseRule.METHADONE_DAY_ONE_CEILING)).isEqualTo(!allowed);
    }

    @Test
    void dayTwoAtTheEstablishedDoseIsGiven() {
      var dose = of(Drug.METHADONE, "40").given(Duration.ZERO, "30").given(h(3), "10").at(Duration.ofDays(1));
      assertThat(broken(dose)).isEmpty();
    }

    /** Replaces the old test that let each day pass the day before by 10 mg (40 mg became 80 mg by day 5). */
    @Test
    void dayTwoAtFiftyAfterFortyOnDayOneIsRefused() {
      var dose = of(Drug.METHADONE, "50").given(Duration.ZERO, "30").given(h(3), "10").at(Duration.ofDays(1));
      assertThat(broken(dose)).containsExactly(DoseRule.METHADONE_INCREASE_INTERVAL);
      assertThat(DoseRule.METHADONE_INCREASE_INTERVAL.overridable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"5, 50, METHADONE_INCREASE_INTERVAL", "6, 50, ", "6, 50.01, METHADONE_INCREASE_STEP"})
    void theFirstIncreaseComesFiveDaysAfterTheDayOneTotalAndIsAtMostTenMilligrams(int day, String mg,
        DoseRule refused) {
      var dose = of(Drug.METHADONE, mg).given(Duration.ZERO, "30").given(h(3), "10").dailyDoses("40", 2, 3, 4, 5, 6);
      dose.earlier.removeIf(given -> !given.at().isBefore(DoseScenario.T0.plus(Duration.ofDays(day - 1L))));
      dose.at(Duration.ofDays(day - 1L));
      assertThat(broken(dose)).isEqualTo(refused == null ? List.of() : List.of(refused));
    }

    @ParameterizedTest
    @CsvSource({"3, 45, METHADONE_INCREASE_INTERVAL", "4, 45, ", "4, 45.5, METHADONE_INCREASE_STEP"})
    void aSiteMayIncreaseEveryThreeDaysByFiveMilligrams(int day, String mg, DoseRule refused) {
      var dose = of(Drug.METHADONE, mg).site(SiteVariants.methadone("40", "5", 3)).given(Duration.ZERO, "30")
          .given(h(3), "10");
      for (int d = 2; d < day; d++) {
        dose.given(Duration.ofDays(d - 1L), "40");
      }
      dose.at(Duration.ofDays(day - 1L));
      assertThat(broken(dose)).isEqualTo(refused == null ? List.of() : List.of(refused));
    }

    @ParameterizedTest
    @CsvSource({"10, METHADONE_INCREASE_INTERVAL", "11, "})
    void afterAnIncreaseTheNextWaitsItsOwnFiveDays(int day, DoseRule refused) {
      var dose = of(Drug.METHADONE, "60").given(Duration.ZERO, "30").given(h(3), "10").dailyDoses("40", 2, 3, 4, 5)
          .dailyDoses("50", 6, 7, 8, 9, 10);
      dose.earlier.removeIf(given -> !given.at().isBefore(DoseScenario.T0.plus(Duration.ofDays(day - 1L))));
      dose.at(Duration.ofDays(day - 1L));
      assertThat(broken(dose)).isEqualTo(refused == null ? List.of() : List.of(refused));
    }

    @Test
    void aLowerDayDoesNotLowerTheEstablishedDose() {
      var dose = of(Drug.METHADONE, "40").given(Duration.ZERO, "30").given(h(3), "10").given(Duration.ofDays(1), "30")
          .at(Duration.ofDays(2));
      assertThat(broken(dose)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"10, true", "20, false"})
    void splitDosesOfOneDayCountTogether(String second, boolean allowed) {
      var dose = of(Drug.METHADONE, second).given(Duration.ZERO, "30").given(h(3), "10")
          .given(Duration.ofDays(1), "30").at(Duration.ofDays(1).plus(h(3)));
      assertThat(broken(dose).contains(DoseRule.METHADONE_INCREASE_INTERVAL)).isEqualTo(!allowed);
    }
  }

  @Nested
  class Symptomatic {

    @ParameterizedTest
    @CsvSource({"3.99, true", "4, true", "4.01, false"})
    void aSingleLoperamideDoseIsAtMostItsLabelMaximum(String mg, boolean allowed) {
      assertThat(broken(of(Drug.LOPERAMIDE, mg)).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"1.5, true", "2, true", "2.5, false"})
    void twentyFourHoursHaveTheirMaximum(String mg, boolean allowed) {
      var dose = of(Drug.LOPERAMIDE, mg).given(Duration.ZERO, "4").given(h(4), "4").given(h(8), "4")
          .given(h(12), "2").at(h(16));
      assertThat(broken(dose).contains(DoseRule.DAILY_MAXIMUM)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"1439, false", "1441, true"})
    void aDoseOlderThanTwentyFourHoursNoLongerCounts(int minutesAfterFirst, boolean allowed) {
      var dose = of(Drug.LOPERAMIDE, "4").given(Duration.ZERO, "4").given(h(4), "4").given(h(8), "4")
          .given(h(12), "4").at(min(minutesAfterFirst));
      assertThat(broken(dose).contains(DoseRule.DAILY_MAXIMUM)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"3.75, true", "7.5, true", "7.6, false"})
    void zopicloneIsAtMostSevenAndAHalfMilligramsAtNight(String mg, boolean allowed) {
      assertThat(broken(of(Drug.ZOPICLONE, mg)).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @Test
    void everySymptomaticDrugHasItsLimitInTheServiceConfiguration() {
      var limits = RealConfiguration.symptomaticLimits().symptomatic();
      assertThat(limits.keySet()).containsExactlyInAnyOrder(Drug.CLONIDINE, Drug.LOFEXIDINE, Drug.LOPERAMIDE,
          Drug.ONDANSETRON, Drug.ZOPICLONE, Drug.TRAZODONE);
    }

    @Test
    void aDrugWithoutAConfiguredLimitIsRefusedNotGivenUnchecked() {
      var withoutOndansetron = new DosingPolicy(new SymptomaticLimits(Map.of()));
      assertThat(withoutOndansetron.check(of(Drug.ONDANSETRON, "4").proposal()).rules())
          .containsExactly(DoseRule.SINGLE_DOSE_RANGE);
    }
  }

  @Nested
  class Ordering {

    @Test
    void methadoneIsOrderedOnlyAtAnOpioidTreatmentProgram() {
      assertThat(policy.orderRefusals(Drug.METHADONE, null, null, RealConfiguration.site(SiteSettings.defaults(),
          false))).extracting(Violation::rule).containsExactly(DoseRule.OTP_REQUIRED);
      assertThat(policy.orderRefusals(Drug.METHADONE, null, null, RealConfiguration.north())).isEmpty();
      assertThat(policy.orderRefusals(Drug.METHADONE, null, null, null)).extracting(Violation::rule)
          .containsExactly(DoseRule.SITE_NOT_CONFIGURED);
      assertThat(policy.orderRefusals(Drug.BUPRENORPHINE, null, null, null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"24, true", "24.01, false"})
    void noBuprenorphineOrderPassesTheHardMaximum(String mg, boolean allowed) {
      assertThat(policy.orderRefusals(Drug.BUPRENORPHINE, new java.math.BigDecimal(mg), null,
          RealConfiguration.north()).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void aDocumentedDayOneNeedsASiteThatAllowsItAndStaysWithinIt() {
      var twelve = new java.math.BigDecimal("12");
      assertThat(policy.orderRefusals(Drug.BUPRENORPHINE, null, twelve, RealConfiguration.north()))
          .extracting(Violation::rule).containsExactly(DoseRule.DOCUMENTED_DAY_ONE_MAXIMUM);
      var allowsFourteen = RealConfiguration.site(SiteVariants.bupLimits("14", "24"), true);
      assertThat(policy.orderRefusals(Drug.BUPRENORPHINE, null, twelve, allowsFourteen)).isEmpty();
      assertThat(policy.orderRefusals(Drug.BUPRENORPHINE, null, new java.math.BigDecimal("14.5"), allowsFourteen))
          .extracting(Violation::rule).containsExactly(DoseRule.DOCUMENTED_DAY_ONE_MAXIMUM);
      assertThat(policy.orderRefusals(Drug.METHADONE, null, twelve, allowsFourteen))
          .extracting(Violation::rule).containsExactly(DoseRule.DOCUMENTED_DAY_ONE_MAXIMUM);
    }
  }

  @Test
  void theRulesThatNoReasonUnlocksAreExactlyTheLegalHardAndOrderOnes() {
    assertThat(java.util.Arrays.stream(DoseRule.values()).filter(rule -> !rule.overridable()))
        .containsExactlyInAnyOrder(DoseRule.SITE_NOT_CONFIGURED, DoseRule.OTP_REQUIRED, DoseRule.ORDER_NOT_ACTIVE,
            DoseRule.DRUG_NOT_AS_ORDERED, DoseRule.DOSE_NOT_AS_ORDERED, DoseRule.ROUTE_NOT_AS_ORDERED,
            DoseRule.BUPRENORPHINE_HARD_MAXIMUM, DoseRule.METHADONE_DAY_ONE_CEILING,
            DoseRule.DOCUMENTED_DAY_ONE_MAXIMUM);
  }
}
