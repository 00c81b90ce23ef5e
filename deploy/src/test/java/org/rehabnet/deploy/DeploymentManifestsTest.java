package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both overlays render with kubectl kustomize, parse into the typed model and keep every deployment rule. */
class DeploymentManifestsTest {

  @ParameterizedTest
  @EnumSource(DeploymentRules.Environment.class)
  void overlayRendersAndKeepsEveryRule(DeploymentRules.Environment environment) {
    ManifestCheck check = ManifestCheck.of(ManifestCheck.OVERLAYS.resolve(environment.name().toLowerCase()), environment);

    assertThat(check.violations()).isEmpty();
    assertThat(check.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("intake-service", "monitoring-service", "aftercare-service", "gateway", "portal");
  }
}
