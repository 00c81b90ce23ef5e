package org.rehabnet.platform.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlausibleDatesTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  record Person(@BirthDate LocalDate dateOfBirth) {}

  record VitalSigns(@Plausible(past = "P7D", future = "PT5M") Instant takenAt) {}

  record Consent(@Plausible(past = "P5Y", future = "P0D") LocalDate signedOn,
      @Plausible(past = "PT0S", future = "P10Y") OffsetDateTime expiresAt) {}

  record Session(@Plausible(past = "P1Y", future = "P5Y") LocalDate firstHeldOn) {}

  private final Validator validator = Validation.byDefaultProvider().configure()
      .clockProvider(() -> Clock.fixed(NOW, ZoneOffset.UTC)).buildValidatorFactory().getValidator();

  @Test
  void aBirthDateFrom1900UntilTodayIsPlausibleAndNothingElse() {
    assertThat(validator.validate(new Person(LocalDate.of(1900, 1, 1)))).isEmpty();
    assertThat(validator.validate(new Person(LocalDate.of(2026, 11, 28)))).isEmpty();
    assertThat(validator.validate(new Person(LocalDate.of(1899, 12, 31)))).hasSize(1);
    assertThat(validator.validate(new Person(LocalDate.of(1, 1, 1)))).hasSize(1);
    assertThat(validator.validate(new Person(LocalDate.of(2026, 11, 30)))).as("the day after tomorrow").hasSize(1);
    assertThat(validator.validate(new Person(null))).isEmpty();
  }

  @Test
  void aVitalSignIsChartedWithinTheLastSevenDaysAndAtMostFiveMinutesAhead() {
    assertThat(validator.validate(new VitalSigns(NOW.minusSeconds(7 * 24 * 3600)))).isEmpty();
    assertThat(validator.validate(new VitalSigns(NOW.minusSeconds(7 * 24 * 3600 + 1)))).hasSize(1);
    assertThat(validator.validate(new VitalSigns(NOW.plusSeconds(300)))).isEmpty();
    Set<ConstraintViolation<VitalSigns>> ahead = validator.validate(new VitalSigns(NOW.plusSeconds(301)));
    assertThat(ahead).singleElement().satisfies(v -> assertThat(v.getMessage())
        .isEqualTo("must lie between P7D before and PT5M after now"));
  }

  @Test
  void periodsInYearsAndLocalDatesWithADayOfGraceForTimeZones() {
    OffsetDateTime inFiveYears = NOW.atOffset(ZoneOffset.UTC).plusYears(5);
    assertThat(validator.validate(new Consent(LocalDate.of(2021, 11, 27), inFiveYears))).isEmpty();
    assertThat(validator.validate(new Consent(LocalDate.of(2021, 11, 26), inFiveYears))).hasSize(1);
    assertThat(validator.validate(new Consent(LocalDate.of(2026, 11, 29), inFiveYears)))
        .as("tomorrow in UTC may be today east of it").isEmpty();
    assertThat(validator.validate(new Consent(LocalDate.of(1, 1, 1), inFiveYears))).hasSize(1);
    assertThat(validator.validate(new Consent(LocalDate.of(2026, 11, 28), inFiveYears.plusYears(6)))).hasSize(1);
    assertThat(validator.validate(new Session(LocalDate.of(57385, 1, 1)))).hasSize(1);
    assertThat(validator.validate(new Session(LocalDate.of(2031, 11, 29)))).isEmpty();
  }
}
