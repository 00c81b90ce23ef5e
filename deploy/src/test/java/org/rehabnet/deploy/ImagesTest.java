package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each module's Dockerfile builds the image its Deployment runs: same port, same non-root user, the
 * jar's layers, a health check. Docker is not needed (nor available) to read them.
 */
class ImagesTest {

  private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE (\\d+)$");
  private static final Pattern USER = Pattern.compile("(?m)^USER (\\d+):(\\d+)$");

  @ParameterizedTest
  @ValueSource(strings = {"intake-service", "monitoring-service", "aftercare-service", "gateway", "portal"})
  void imageMatchesItsDeployment(String module) throws Exception {
    String dockerfile = Files.readString(ManifestCheck.REPOSITORY.resolve(Path.of(module, "Dockerfile")));
    ManifestCheck production = ManifestCheck.of(ManifestCheck.OVERLAYS.resolve("production"), DeploymentRules.Environment.PRODUCTION);
    Deployment deployment = production.all(Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals(module)).findFirst().orElseThrow();
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();

    assertThat(dockerfile).contains("FROM eclipse-temurin:21-jre-alpine")
        .contains("-Djarmode=tools -jar app.jar extract --layers --launcher")
        .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]")
        .contains("HEALTHCHECK").contains("/actuator/health/readiness")
        .contains("COPY target/" + module + ".jar");

    Matcher expose = EXPOSE.matcher(dockerfile);
    assertThat(expose.find()).as("EXPOSE").isTrue();
    assertThat(container.getPorts().getFirst().getContainerPort()).isEqualTo(Integer.parseInt(expose.group(1)));

    Matcher user = USER.matcher(dockerfile);
    assertThat(user.find()).as("USER uid:gid").isTrue();
    assertThat(Long.parseLong(user.group(1))).isNotZero()
        .isEqualTo(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
    assertThat(container.getImage()).startsWith("rehabnet/" + module + ":");
  }
}
