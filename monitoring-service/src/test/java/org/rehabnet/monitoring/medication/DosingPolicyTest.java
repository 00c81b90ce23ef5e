package org.rehabnet.monitoring.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DosingPolicyTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  /** The reference defaults, as application.yml and the @DefaultValues give them. */
  static DosingProperties referenceDefaults() {
    return new DosingProperties(
        new DosingProperties.Buprenorphine(8, Duration.ofHours(1), Duration.ofHours(12), Duration.ofHours(2),
            mg("2"), mg("4"), mg("8"), mg("16"), mg("24")),
        new DosingProperties.Methadone(mg("30"), mg("10"), Duration.ofHours(3), mg("40"), mg("10")),
        new DosingProperties.Hold(3, 10, 90),
        Map.of(Drug.LOPERAMIDE, new DosingProperties.SymptomaticLimit(mg("4"), mg("16"))),
        Map.of("north", new DosingProperties.SiteDosing(true, null, null),
            "south", new DosingProperties.SiteDosing(false, null, null),
            "east", new DosingProperties.SiteDosing(false, 12, null)));
  }

  final DosingPolicy policy = new DosingPolicy(referenceDefaults());

  /** A proposal builder: a patient in withdrawal (COWS 10 just charted), last heroin 13 h ago, calm vitals. */
  static final class Dose {
    Drug drug = Drug.BUPRENORPHINE;
    BigDecimal mg = new BigDecimal("4");
    Instant at = T0;
    String site = "north";
    List<DosingPolicy.Given> earlier = new ArrayList<>();
    @Nullable Integer cows = 10;
    @Nullable Instant cowsAt = T0.minus(Duration.ofMinutes(10));
    Instant lastUse = T0.minus(Duration.ofHours(13));
    @Nullable Integer poss = 1;
    @Nullable Integer rr = 16;
    @Nullable Integer spo2 = 97;
    boolean fentanyl;
    boolean benzo;

    Dose drug(Drug value) {
      drug = value;
      return this;
    }

    Dose mg(String value) {
      mg = new BigDecimal(value);
      return this;
    }

    Dose at(Duration sinceT0) {
      at = T0.plus(sinceT0);
      return this;
    }

    Dose site(String value) {
      site = value;
      return this;
    }

    Dose given(Duration sinceT0, String dose) {
      earlier.add(new DosingPolicy.Given(T0.plus(sinceT0), new BigDecimal(dose)));
      return this;
    }

    DosingPolicy.Proposal proposal() {
      return new DosingPolicy.Proposal(drug, mg, at, site, earlier, cows, cowsAt, lastUse, poss, rr, spo2, fentanyl,
          benzo);
    }
  }

  List<DoseRule> broken(Dose dose) {
    return policy.check(dose.proposal()).violations().stream().map(DosingPolicy.Violation::rule).toList();
  }

  static BigDecimal mg(String value) {
    return new BigDecimal(value);
  }

  static Duration h(double hours) {
    return Duration.ofMinutes(Math.round(hours * 60));
  }

  @Nested
  class BuprenorphineInduction {

    @ParameterizedTest
    @CsvSource({"7, false", "8, true", "9, true"})
    void needsACowsOfEightOrMore(int cows, boolean allowed) {
      Dose dose = new Dose();
      dose.cows = cows;
      assertThat(broken(dose).contains(DoseRule.INDUCTION_THRESHOLD)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"11, false", "12, true", "13, true"})
    void aSiteMayRaiseTheThreshold(int cows, boolean allowed) {
      Dose dose = new Dose().site("east");
      dose.cows = cows;
      assertThat(broken(dose).contains(DoseRule.INDUCTION_THRESHOLD)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"59, true", "60, true", "61, false"})
    void theCowsMustBeFromTheLastHour(int minutesOld, boolean allowed) {
      Dose dose = new Dose();
      dose.cowsAt = T0.minus(Duration.ofMinutes(minutesOld));
      assertThat(broken(dose).contains(DoseRule.INDUCTION_THRESHOLD)).isEqualTo(!allowed);
    }

    @Test
    void noCowsNoInduction() {
      Dose dose = new Dose();
      dose.cows = null;
      dose.cowsAt = null;
      assertThat(broken(dose)).containsExactly(DoseRule.INDUCTION_THRESHOLD);
    }

    @ParameterizedTest
    @CsvSource({"719, false", "720, true", "721, true"})
    void waitsTwelveHoursAfterTheLastShortActingOpioid(int minutes, boolean allowed) {
      Dose dose = new Dose();
      dose.lastUse = T0.minus(Duration.ofMinutes(minutes));
      assertThat(broken(dose).contains(DoseRule.SHORT_ACTING_OPIOID_WAIT)).isEqualTo(!allowed);
    }

    @Test
    void warnsOfPrecipitatedWithdrawalAfterFentanylButDoesNotBlock() {
      Dose dose = new Dose();
      dose.fentanyl = true;
      var verdict = policy.check(dose.proposal());
      assertThat(verdict.safe()).isTrue();
      assertThat(verdict.warnings()).containsExactly("PRECIPITATED_WITHDRAWAL_RISK");
    }

    @Test
    void warnsOfRespiratoryRiskWithBenzodiazepines() {
      Dose dose = new Dose();
      dose.benzo = true;
      assertThat(policy.check(dose.proposal()).warnings()).containsExactly("BENZODIAZEPINE_RESPIRATORY_RISK");
    }

    @ParameterizedTest
    @CsvSource({"1.9, false", "2, true", "4, true", "4.1, false"})
    void dayOneDosesAreTwoToFourMilligrams(String mg, boolean allowed) {
      assertThat(broken(new Dose().mg(mg)).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }
  }

  @Nested
  class BuprenorphineLimits {

    @ParameterizedTest
    @CsvSource({"119, false", "120, true", "121, true"})
    void dosesAreTwoHoursApart(int minutes, boolean allowed) {
      Dose dose = new Dose().given(Duration.ZERO, "4").mg("2").at(Duration.ofMinutes(minutes));
      assertThat(broken(dose).contains(DoseRule.MINIMUM_INTERVAL)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"3.5, true", "4, true", "4.5, false"})
    void dayOneAddsUpToEightMilligrams(String alreadyAtTwoHours, boolean allowed) {
      // 2 + x + 2: just under, at and over 8 mg.
      Dose dose = new Dose().given(Duration.ZERO, "2").given(h(2), alreadyAtTwoHours).mg("2").at(h(4));
      assertThat(broken(dose).contains(DoseRule.DAILY_MAXIMUM)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"3.5, true", "4, true", "4.5, false"})
    void dayTwoAddsUpToSixteenMilligrams(String last, boolean allowed) {
      Dose dose = new Dose().given(Duration.ZERO, "4").given(h(2), "4")
          .given(h(24), "8").given(h(26), "4").mg(last).at(h(28));
      assertThat(broken(dose)).isEqualTo(allowed ? List.of() : List.of(DoseRule.DAILY_MAXIMUM));
    }

    @ParameterizedTest
    @CsvSource({"3.5, true", "4, true", "4.5, false"})
    void fromDayThreeTheMaximumIsTwentyFourMilligrams(String last, boolean allowed) {
      Dose dose = new Dose().given(Duration.ZERO, "4").given(h(2), "4")
          .given(h(48), "16").given(h(50), "4").mg(last).at(h(52));
      assertThat(broken(dose)).isEqualTo(allowed ? List.of() : List.of(DoseRule.DAILY_MAXIMUM));
    }

    @Test
    void treatmentDaysCountFromTheFirstDose() {
      Dose dose = new Dose().given(Duration.ZERO, "4");
      assertThat(DosingPolicy.treatmentDay(dose.at(h(23.9)).proposal())).isEqualTo(1);
      assertThat(DosingPolicy.treatmentDay(dose.at(h(24)).proposal())).isEqualTo(2);
      assertThat(DosingPolicy.treatmentDay(dose.at(h(48)).proposal())).isEqualTo(3);
    }
  }

  @Nested
  class Holds {

    @ParameterizedTest
    @CsvSource({"2, true", "3, false", "4, false"})
    void holdsWhenSedated(int poss, boolean allowed) {
      Dose dose = new Dose();
      dose.poss = poss;
      assertThat(broken(dose).contains(DoseRule.HOLD_SEDATION)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"11, true", "10, true", "9, false"})
    void holdsWhenBreathingIsSlow(int rr, boolean allowed) {
      Dose dose = new Dose();
      dose.rr = rr;
      assertThat(broken(dose).contains(DoseRule.HOLD_RESPIRATORY_RATE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"91, true", "90, true", "89, false"})
    void holdsWhenSaturationIsLow(int spo2, boolean allowed) {
      Dose dose = new Dose();
      dose.spo2 = spo2;
      assertThat(broken(dose).contains(DoseRule.HOLD_OXYGEN_SATURATION)).isEqualTo(!allowed);
    }

    @Test
    void holdsApplyToMethadoneToo() {
      Dose dose = new Dose().drug(Drug.METHADONE).mg("20");
      dose.poss = 3;
      assertThat(broken(dose)).containsExactly(DoseRule.HOLD_SEDATION);
    }

    @Test
    void naloxoneIsAlwaysAllowed() {
      Dose dose = new Dose().drug(Drug.NALOXONE).mg("0.4").site("south").given(Duration.ZERO, "0.4")
          .at(Duration.ofMinutes(2));
      dose.poss = 4;
      dose.rr = 4;
      dose.spo2 = 70;
      dose.cows = null;
      assertThat(policy.check(dose.proposal()).safe()).isTrue();
    }
  }

  @Nested
  class Methadone {

    @Test
    void onlyAtAnOpioidTreatmentProgram() {
      assertThat(broken(new Dose().drug(Drug.METHADONE).mg("20").site("south"))).containsExactly(DoseRule.OTP_REQUIRED);
      assertThat(broken(new Dose().drug(Drug.METHADONE).mg("20").site("north"))).isEmpty();
      assertThat(policy.mayOrder(Drug.METHADONE, "south")).isFalse();
      assertThat(policy.mayOrder(Drug.BUPRENORPHINE, "south")).isTrue();
      assertThat(DoseRule.OTP_REQUIRED.overridable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"29.5, true", "30, true", "30.5, false"})
    void theFirstDoseIsAtMostThirtyMilligrams(String mg, boolean allowed) {
      assertThat(broken(new Dose().drug(Drug.METHADONE).mg(mg)).contains(DoseRule.SINGLE_DOSE_RANGE))
          .isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"9.5, true", "10, true", "10.5, false"})
    void aFurtherDoseOnDayOneIsAtMostTenMilligrams(String mg, boolean allowed) {
      Dose dose = new Dose().drug(Drug.METHADONE).given(Duration.ZERO, "20").mg(mg).at(h(3));
      assertThat(broken(dose).contains(DoseRule.SINGLE_DOSE_RANGE)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"179, false", "180, true", "181, true"})
    void aFurtherDoseWaitsThreeHours(int minutes, boolean allowed) {
      Dose dose = new Dose().drug(Drug.METHADONE).given(Duration.ZERO, "20").mg("10")
          .at(Duration.ofMinutes(minutes));
      assertThat(broken(dose).contains(DoseRule.MINIMUM_INTERVAL)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"9.5, true", "10, true", "10.5, false"})
    void dayOneAddsUpToFortyMilligrams(String second, boolean allowed) {
      // 30 + 0 + x ... the second further dose: 30 + second, then 0.5 more is over only when at 40.
      Dose dose = new Dose().drug(Drug.METHADONE).given(Duration.ZERO, "30").mg(second).at(h(3));
      var rules = broken(dose);
      assertThat(rules.contains(DoseRule.DAILY_MAXIMUM)).isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"9.5, true", "10, true", "10.5, false"})
    void fromDayTwoADayPassesTheDayBeforeByTenMilligramsAtMost(String last, boolean allowed) {
      Dose dose = new Dose().drug(Drug.METHADONE).given(Duration.ZERO, "30").given(h(3), "10")
          .given(h(24), "40").mg(last).at(h(27));
      assertThat(broken(dose).contains(DoseRule.DAILY_MAXIMUM)).isEqualTo(!allowed);
    }
  }

  @Nested
  class Symptomatic {

    @ParameterizedTest
    @CsvSource({"3.5, true", "4, true", "4.5, false"})
    void aSingleDoseHasItsMaximum(String mg, boolean allowed) {
      assertThat(broken(new Dose().drug(Drug.LOPERAMIDE).mg(mg)).contains(DoseRule.SINGLE_DOSE_RANGE))
          .isEqualTo(!allowed);
    }

    @ParameterizedTest
    @CsvSource({"1.5, true", "2, true", "2.5, false"})
    void twentyFourHoursHaveTheirMaximum(String mg, boolean allowed) {
      Dose dose = new Dose().drug(Drug.LOPERAMIDE).given(Duration.ZERO, "4").given(h(4), "4").given(h(8), "4")
          .given(h(12), "2").mg(mg).at(h(16));
      assertThat(broken(dose).contains(DoseRule.DAILY_MAXIMUM)).isEqualTo(!allowed);
    }

    @Test
    void doseOutsideTheWindowNoLongerCounts() {
      Dose dose = new Dose().drug(Drug.LOPERAMIDE).given(Duration.ZERO, "4").given(h(4), "4").given(h(8), "4")
          .given(h(12), "4").mg("4").at(h(24.1));
      assertThat(broken(dose)).isEmpty();
    }
  }
}
