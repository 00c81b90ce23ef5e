package org.rehabnet.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders one Kustomize directory, parses it with the typed model and applies {@link DeploymentRules}. */
record ManifestCheck(List<RenderedObject> objects, List<Violation> violations) {

  /** The repository root (the deploy module's parent), whatever directory the tests run in. */
  static final Path REPOSITORY = repository();

  static final Path OVERLAYS = REPOSITORY.resolve("deploy/k8s/overlays");

  private static final Map<String, ManifestCheck> RENDERED = new ConcurrentHashMap<>();

  /** Rendered and checked once per test run: the objects are only read. */
  static ManifestCheck of(Path kustomization, DeploymentRules.Environment environment) {
    return RENDERED.computeIfAbsent(kustomization + " " + environment, key -> render(kustomization, environment));
  }

  private static ManifestCheck render(Path kustomization, DeploymentRules.Environment environment) {
    List<Violation> violations = new ArrayList<>();
    List<RenderedObject> objects = TypedModel.parse(Kustomize.render(kustomization), violations);
    violations.addAll(DeploymentRules.check(objects, environment));
    return new ManifestCheck(List.copyOf(objects), List.copyOf(violations));
  }

  <T> List<T> all(Class<T> type) {
    return objects.stream().filter(o -> o.is(type)).map(o -> o.as(type)).toList();
  }

  private static Path repository() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    for (Path dir = module; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("deploy/k8s not found above " + module);
  }
}
