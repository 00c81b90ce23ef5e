package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Without kubectl the check fails and says what is missing, instead of passing on nothing. */
class KustomizeTest {

  @Test
  void missingKubectlFailsSayingWhatToInstall() {
    assertThatThrownBy(() -> Kustomize.render(ManifestCheck.OVERLAYS.resolve("dev"), "/nonexistent/kubectl"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kubectl was not found (tried '/nonexistent/kubectl')")
        .hasMessageContaining("Install kubectl");
  }

  @Test
  void brokenKustomizationFailsWithKustomizesReason() {
    assertThatThrownBy(() -> Kustomize.render(ManifestCheck.REPOSITORY.resolve("deploy/src/test/java"), "kubectl"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kubectl kustomize")
        .hasMessageContaining("failed (exit");
  }
}
