package org.rehabnet.intake.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rehabnet.platform.web.problem.InvalidField;

class PatientQueryTest {

  @Test
  void anMrnIsAnExactMrnWhateverItsCase() {
    assertThat(PatientQuery.parse(" rn-0000123 ")).isEqualTo(new PatientQuery.Mrn("RN-0000123"));
  }

  @Test
  void anIsoDateIsAnExactBirthDate() {
    assertThat(PatientQuery.parse("1988-05-17")).isEqualTo(new PatientQuery.BirthDate(LocalDate.of(1988, 5, 17)));
  }

  @Test
  void anImpossibleDateIsRefusedNotSearchedAsAName() {
    assertThatThrownBy(() -> PatientQuery.parse("1988-02-30")).isInstanceOf(InvalidField.class)
        .hasMessageStartingWith("q:");
  }

  @Test
  void aNameIsNormalisedLikeDuplicateDetection() {
    assertThat(PatientQuery.parse("Zoë  O'Brien")).isEqualTo(new PatientQuery.NamePrefix("zoe o brien"));
  }

  @Test
  void threeLettersAreTheShortestNameSearch() {
    assertThat(PatientQuery.parse("Zoë")).isEqualTo(new PatientQuery.NamePrefix("zoe"));
    assertThatThrownBy(() -> PatientQuery.parse("Zo")).isInstanceOf(InvalidField.class)
        .hasMessageContaining("at least 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a'", "--x", " . "})
  void blankOrTooShortAfterNormalisingIsRefused(String text) {
    assertThatThrownBy(() -> PatientQuery.parse(text)).isInstanceOf(InvalidField.class)
        .hasMessageStartingWith("q:");
  }

  @Test
  void aMissingQueryIsRefused() {
    assertThatThrownBy(() -> PatientQuery.parse(null)).isInstanceOf(InvalidField.class);
  }

  @Test
  void aQueryOfMoreThanAHundredCharactersIsRefused() {
    assertThat(PatientQuery.parse("a".repeat(100))).isInstanceOf(PatientQuery.NamePrefix.class);
    assertThatThrownBy(() -> PatientQuery.parse("a".repeat(101))).isInstanceOf(InvalidField.class);
  }

  @Test
  void likeWildcardsTypedIntoTheSearchAreMatchedLiterally() {
    assertThat(PatientSearch.escapeLike("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
  }
}
