package org.rehabnet.monitoring.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.RouteOfUse;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.rehabnet.platform.events.intake.AdmissionRecorded;

/** The shared vocabulary as the chart reads it: each flag switches on the rule it is for. */
class AdmissionRiskFactsTest {

  static final Instant NOW = Instant.parse("2026-02-02T13:00:00Z");

  static AdmissionRecorded admission(Set<UdsFlag> uds, Set<RiskFlag> mental, List<AdmissionRecorded.SubstanceUse> use) {
    return new AdmissionRecorded(EventMetadata.next(NOW, 1), UUID.randomUUID(), UUID.randomUUID(), "north", "B-1",
        NOW, 7, null, use, uds, mental, null);
  }

  @Test
  void aFentanylPositiveScreenIsFentanylExposure() {
    assertThat(DetoxEpisodeService.risksOf(admission(Set.of(UdsFlag.FENTANYL_POSITIVE), Set.of(), List.of()))
        .fentanylExposure()).isTrue();
  }

  @Test
  void aScreenThatDidNotTestForFentanylCannotRuleItOut() {
    assertThat(DetoxEpisodeService.risksOf(admission(Set.of(UdsFlag.FENTANYL_NOT_TESTED), Set.of(), List.of()))
        .fentanylExposure()).isTrue();
    assertThat(DetoxEpisodeService.risksOf(admission(Set.of(), Set.of(), List.of())).fentanylExposure()).isFalse();
  }

  @Test
  void reportedBenzodiazepineUseIsARespiratoryRiskEvenWithoutTheScreenFlag() {
    var reported = List.of(new AdmissionRecorded.SubstanceUse(Substance.BENZODIAZEPINE, RouteOfUse.ORAL, NOW));
    assertThat(DetoxEpisodeService.risksOf(admission(Set.of(), Set.of(), reported)).benzodiazepineRisk()).isTrue();
    assertThat(DetoxEpisodeService.risksOf(admission(Set.of(UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS), Set.of(),
        List.of())).benzodiazepineRisk()).isTrue();
  }

  @Test
  void selfHarmRiskAndTheLastShortActingUseCarryOver() {
    Instant heroin = NOW.minusSeconds(13 * 3600);
    var facts = DetoxEpisodeService.risksOf(admission(Set.of(), Set.of(RiskFlag.SELF_HARM_RISK),
        List.of(new AdmissionRecorded.SubstanceUse(Substance.HEROIN, RouteOfUse.SMOKED, heroin),
            new AdmissionRecorded.SubstanceUse(Substance.METHADONE, RouteOfUse.ORAL, NOW))));
    assertThat(facts.selfHarmRisk()).isTrue();
    assertThat(facts.lastShortActingOpioidUseAt()).as("methadone is not short-acting").isEqualTo(heroin);
  }
}
