package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check fails a broken overlay (src/test/resources/broken: the production overlay with one defect
 * per object) with each defect named, and names nothing else: a check that stays quiet, or one that
 * cries wolf, is caught here.
 */
class BrokenManifestsTest {

  private static ManifestCheck check;

  @BeforeAll
  static void renderBrokenOverlay() {
    check = ManifestCheck.of(ManifestCheck.REPOSITORY.resolve("deploy/src/test/resources/broken"),
        DeploymentRules.Environment.PRODUCTION);
  }

  @Test
  void deploymentWithoutProbesIsRefused() {
    assertThat(check.violations()).contains(
        new Violation("Deployment/intake-service", "container intake-service: no livenessProbe"),
        new Violation("Deployment/intake-service", "container intake-service: no readinessProbe"));
  }

  @Test
  void containerRunningAsRootIsRefused() {
    assertThat(check.violations()).contains(
        new Violation("Deployment/monitoring-service", "container monitoring-service: runs as root (runAsUser 0)"),
        new Violation("Deployment/monitoring-service", "container monitoring-service: runAsNonRoot is not true"));
  }

  @Test
  void containerWithoutLimitsIsRefused() {
    assertThat(check.violations()).contains(
        new Violation("Deployment/aftercare-service", "container aftercare-service: no cpu limit"),
        new Violation("Deployment/aftercare-service", "container aftercare-service: no memory limit"));
  }

  @Test
  void literalSecretValuesAreRefused() {
    assertThat(check.violations()).contains(
        new Violation("Deployment/gateway", "container gateway: literal secret value in env "
            + "REHABNET_GATEWAY_RATELIMIT_REDIS_PASSWORD (use valueFrom.secretKeyRef)"),
        new Violation("Secret/intake-db-app", "literal secret value: Secrets are created out of band (or by an "
            + "operator) and only referenced"));
  }

  @Test
  void unknownFieldsAreRefusedInKubernetesStrimziAndCloudNativePgObjects() {
    assertThat(check.violations()).contains(
        new Violation("Deployment/portal", "unknown field spec.template.spec.containers[0].readinessProbe.httpGet.paht "
            + "(not in the HTTPGetAction model)"),
        new Violation("KafkaTopic/rehab.intake.sites.v1", "unknown field spec.replica (not in the KafkaTopicSpec model)"),
        new Violation("Cluster/intake-db", "unknown field spec.instance (not in the ClusterSpec model)"));
  }

  @Test
  void serviceWithoutNetworkPolicyIsRefused() {
    assertThat(check.violations())
        .contains(new Violation("Service/reports", "Service without a NetworkPolicy selecting its pods"));
  }

  @Test
  void kindWithoutTypedModelIsRefused() {
    assertThat(check.violations()).contains(new Violation("ServiceMonitor/intake-service",
        "no typed model for monitoring.coreos.com/v1 ServiceMonitor (add it to TypedModel deliberately)"));
  }

  @Test
  void autoscalerOutsideTheNamespaceAndWithoutItsTargetIsRefused() {
    assertThat(check.violations()).contains(
        new Violation("HorizontalPodAutoscaler/reports", "not in namespace rehabnet (namespace: 'default')"),
        new Violation("HorizontalPodAutoscaler/reports", "scales Deployment/reports, which is not rendered"));
  }

  @Test
  void nothingElseIsReported() {
    assertThat(check.violations()).hasSize(15);
  }
}
