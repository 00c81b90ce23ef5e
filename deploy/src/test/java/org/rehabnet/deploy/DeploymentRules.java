package org.rehabnet.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The platform's rules for what may run, checked on the typed objects of one rendered overlay. Each
 * rule is a sentence an operator would say in a review; each violation names the object and the rule.
 */
final class DeploymentRules {

  /** What an overlay is for: production adds the availability rules. */
  enum Environment { DEV, PRODUCTION }

  /** Env names that hold credentials: such a variable must come from a Secret, never a literal. */
  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL|PRIVATE_KEY|API_KEY).*");

  /** A credential assigned inline in configuration text (a placeholder such as ${X} is fine). */
  private static final Pattern CREDENTIAL_IN_TEXT =
      Pattern.compile("(?im)(password|secret|jaas\\.config)[^:=\\n]*[:=]\\s*(?!\\$\\{)\\S+");

  private static final int PRODUCTION_REPLICAS = 3;

  static List<Violation> check(List<RenderedObject> objects, Environment environment) {
    List<Violation> violations = new ArrayList<>();
    for (RenderedObject object : objects) {
      if (object.is(Deployment.class)) {
        deployment(object, object.as(Deployment.class), environment, objects, violations);
      } else if (object.is(Service.class)) {
        service(object, object.as(Service.class), objects, violations);
      } else if (object.is(io.fabric8.kubernetes.api.model.Secret.class)) {
        violations.add(Violation.of(object, "literal secret value: Secrets are created out of band (or by an operator) "
            + "and only referenced"));
      } else if (object.is(ConfigMap.class)) {
        configMap(object, object.as(ConfigMap.class), violations);
      } else if (object.is(HorizontalPodAutoscaler.class)) {
        var target = object.as(HorizontalPodAutoscaler.class).getSpec().getScaleTargetRef();
        boolean exists = objects.stream()
            .anyMatch(o -> o.kind().equals(target.getKind()) && o.name().equals(target.getName()));
        if (!exists) {
          violations.add(Violation.of(object, "scales " + target.getKind() + "/" + target.getName() + ", which is not rendered"));
        }
      } else if (object.is(PodDisruptionBudget.class)) {
        LabelSelector selector = object.as(PodDisruptionBudget.class).getSpec().getSelector();
        boolean selects = objects.stream().filter(o -> o.is(Deployment.class))
            .anyMatch(o -> selects(selector, o.as(Deployment.class).getSpec().getTemplate().getMetadata().getLabels()));
        // A Deployment that did not parse is reported already; its labels are unknown here.
        boolean unparsed = objects.stream().anyMatch(o -> o.kind().equals("Deployment") && o.model() == null);
        if (!selects && !unparsed) {
          violations.add(Violation.of(object, "selects no Deployment's pods"));
        }
      }
    }
    namespaces(objects, violations);
    boolean defaultDeny = objects.stream().filter(o -> o.is(NetworkPolicy.class)).map(o -> o.as(NetworkPolicy.class))
        .anyMatch(DeploymentRules::isDefaultDeny);
    if (!defaultDeny) {
      violations.add(new Violation("NetworkPolicy/*", "no default-deny policy (empty podSelector, Ingress and Egress, "
          + "no rules)"));
    }
    return violations;
  }

  /**
   * Everything lives in the overlay's one Namespace: an object without one lands in whatever namespace
   * kubectl is pointed at (an HPA there scales nothing, a NetworkPolicy there protects nothing).
   */
  private static void namespaces(List<RenderedObject> objects, List<Violation> violations) {
    List<String> namespaces = objects.stream().filter(o -> o.kind().equals("Namespace")).map(RenderedObject::name).toList();
    if (namespaces.size() != 1) {
      violations.add(new Violation("Namespace/*", "the overlay must create exactly one Namespace, found " + namespaces));
      return;
    }
    for (RenderedObject object : objects) {
      if (!object.kind().equals("Namespace") && !object.namespace().equals(namespaces.getFirst())) {
        violations.add(Violation.of(object, "not in namespace " + namespaces.getFirst() + " (namespace: '"
            + object.namespace() + "')"));
      }
    }
  }

  private static void deployment(RenderedObject object, Deployment deployment, Environment environment,
      List<RenderedObject> objects, List<Violation> violations) {
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    PodSecurityContext podSecurity = pod.getSecurityContext();
    List<Container> containers = new ArrayList<>(pod.getContainers());
    containers.addAll(Objects.requireNonNullElse(pod.getInitContainers(), List.of()));
    for (Container container : containers) {
      String c = "container " + container.getName() + ": ";
      probe(object, c, "startupProbe", container.getStartupProbe(), "/actuator/health/liveness", violations);
      probe(object, c, "livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness", violations);
      probe(object, c, "readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness", violations);
      resources(object, c, container.getResources(), violations);
      security(object, c, podSecurity, container.getSecurityContext(), violations);
      tmp(object, c, pod.getVolumes(), container.getVolumeMounts(), violations);
      image(object, c, container.getImage(), violations);
      for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
        if (env.getValue() != null && CREDENTIAL_NAME.matcher(env.getName()).matches()) {
          violations.add(Violation.of(object, c + "literal secret value in env " + env.getName()
              + " (use valueFrom.secretKeyRef)"));
        }
      }
    }
    if (Boolean.TRUE.equals(pod.getAutomountServiceAccountToken()) || pod.getAutomountServiceAccountToken() == null) {
      violations.add(Violation.of(object, "mounts a service account token (automountServiceAccountToken: false)"));
    }
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    boolean zoneSpread = Objects.requireNonNullElse(pod.getTopologySpreadConstraints(), List.<io.fabric8.kubernetes.api.model.TopologySpreadConstraint>of())
        .stream().anyMatch(t -> "topology.kubernetes.io/zone".equals(t.getTopologyKey()) && selects(t.getLabelSelector(), podLabels));
    if (!zoneSpread) {
      violations.add(Violation.of(object, "no topologySpreadConstraint across zones selecting its own pods"));
    }
    if (environment == Environment.PRODUCTION) {
      availability(object, deployment, podLabels, objects, violations);
    }
  }

  private static void probe(RenderedObject object, String c, String which, @Nullable Probe probe, String path,
      List<Violation> violations) {
    if (probe == null) {
      violations.add(Violation.of(object, c + "no " + which));
    } else if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
      violations.add(Violation.of(object, c + which + " does not ask actuator's " + path));
    }
  }

  private static void resources(RenderedObject object, String c, @Nullable ResourceRequirements resources,
      List<Violation> violations) {
    Map<String, Quantity> requests = resources == null ? Map.of() : Objects.requireNonNullElse(resources.getRequests(), Map.of());
    Map<String, Quantity> limits = resources == null ? Map.of() : Objects.requireNonNullElse(resources.getLimits(), Map.of());
    for (String resource : List.of("cpu", "memory")) {
      if (!requests.containsKey(resource)) {
        violations.add(Violation.of(object, c + "no " + resource + " request"));
      }
      if (!limits.containsKey(resource)) {
        violations.add(Violation.of(object, c + "no " + resource + " limit"));
      }
      if (requests.containsKey(resource) && limits.containsKey(resource)
          && requests.get(resource).getNumericalAmount().compareTo(limits.get(resource).getNumericalAmount()) > 0) {
        violations.add(Violation.of(object, c + resource + " request above its limit"));
      }
    }
  }

  private static void security(RenderedObject object, String c, @Nullable PodSecurityContext pod,
      @Nullable SecurityContext container, List<Violation> violations) {
    Boolean nonRoot = container != null && container.getRunAsNonRoot() != null ? container.getRunAsNonRoot()
        : pod == null ? null : pod.getRunAsNonRoot();
    Long user = container != null && container.getRunAsUser() != null ? container.getRunAsUser()
        : pod == null ? null : pod.getRunAsUser();
    if (Objects.equals(user, 0L)) {
      violations.add(Violation.of(object, c + "runs as root (runAsUser 0)"));
    }
    if (!Boolean.TRUE.equals(nonRoot)) {
      violations.add(Violation.of(object, c + "runAsNonRoot is not true"));
    }
    if (container == null) {
      violations.add(Violation.of(object, c + "no securityContext"));
      return;
    }
    if (!Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
      violations.add(Violation.of(object, c + "allowPrivilegeEscalation is not false"));
    }
    if (!Boolean.TRUE.equals(container.getReadOnlyRootFilesystem())) {
      violations.add(Violation.of(object, c + "root filesystem is writable (readOnlyRootFilesystem)"));
    }
    if (container.getCapabilities() == null || container.getCapabilities().getDrop() == null
        || !container.getCapabilities().getDrop().contains("ALL")) {
      violations.add(Violation.of(object, c + "capabilities not dropped (drop: [ALL])"));
    }
    if (container.getCapabilities() != null && container.getCapabilities().getAdd() != null
        && !container.getCapabilities().getAdd().isEmpty()) {
      violations.add(Violation.of(object, c + "adds capabilities " + container.getCapabilities().getAdd()));
    }
    if (Boolean.TRUE.equals(container.getPrivileged())) {
      violations.add(Violation.of(object, c + "privileged"));
    }
    SeccompProfile seccomp = container.getSeccompProfile() != null ? container.getSeccompProfile()
        : pod == null ? null : pod.getSeccompProfile();
    if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
      violations.add(Violation.of(object, c + "seccomp profile is not RuntimeDefault"));
    }
  }

  /** With a read-only root the JVM and Tomcat still need a writable /tmp. */
  private static void tmp(RenderedObject object, String c, @Nullable List<Volume> volumes,
      @Nullable List<VolumeMount> mounts, List<Violation> violations) {
    Optional<VolumeMount> tmp = Objects.requireNonNullElse(mounts, List.<VolumeMount>of()).stream()
        .filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
    boolean emptyDir = tmp.isPresent() && Objects.requireNonNullElse(volumes, List.<Volume>of()).stream()
        .anyMatch(v -> v.getName().equals(tmp.get().getName()) && v.getEmptyDir() != null);
    if (!emptyDir) {
      violations.add(Violation.of(object, c + "no emptyDir mounted at /tmp"));
    }
  }

  private static void image(RenderedObject object, String c, @Nullable String image, List<Violation> violations) {
    String tag = image == null || image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
        ? image.substring(image.lastIndexOf(':') + 1) : "";
    if (tag.isEmpty() || tag.equals("latest")) {
      violations.add(Violation.of(object, c + "image " + image + " is not pinned to a tag or digest"));
    }
  }

  private static void availability(RenderedObject object, Deployment deployment, Map<String, String> podLabels,
      List<RenderedObject> objects, List<Violation> violations) {
    String name = deployment.getMetadata().getName();
    Integer replicas = deployment.getSpec().getReplicas();
    if (replicas == null || replicas < PRODUCTION_REPLICAS) {
      violations.add(Violation.of(object, "fewer than " + PRODUCTION_REPLICAS + " replicas (" + replicas + ")"));
    }
    Optional<HorizontalPodAutoscaler> hpa = objects.stream().filter(o -> o.is(HorizontalPodAutoscaler.class))
        .map(o -> o.as(HorizontalPodAutoscaler.class))
        .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
            && name.equals(h.getSpec().getScaleTargetRef().getName()))
        .findFirst();
    if (hpa.isEmpty()) {
      violations.add(Violation.of(object, "no HorizontalPodAutoscaler"));
    } else if (hpa.get().getSpec().getMinReplicas() == null || hpa.get().getSpec().getMinReplicas() < PRODUCTION_REPLICAS) {
      violations.add(Violation.of(object, "its HorizontalPodAutoscaler may scale below " + PRODUCTION_REPLICAS));
    }
    boolean pdb = objects.stream().filter(o -> o.is(PodDisruptionBudget.class)).map(o -> o.as(PodDisruptionBudget.class))
        .anyMatch(p -> selects(p.getSpec().getSelector(), podLabels));
    if (!pdb) {
      violations.add(Violation.of(object, "no PodDisruptionBudget selecting its pods"));
    }
  }

  /** A Service whose pods no NetworkPolicy admits traffic to is either unreachable or, without default deny, open. */
  private static void service(RenderedObject object, Service service, List<RenderedObject> objects,
      List<Violation> violations) {
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      violations.add(Violation.of(object, "Service without a pod selector"));
      return;
    }
    boolean admitted = objects.stream().filter(o -> o.is(NetworkPolicy.class)).map(o -> o.as(NetworkPolicy.class))
        .filter(p -> !isSelectAll(p.getSpec().getPodSelector()))
        .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress") && p.getSpec().getIngress() != null
            && !p.getSpec().getIngress().isEmpty())
        .anyMatch(p -> selects(p.getSpec().getPodSelector(), selector));
    if (!admitted) {
      violations.add(Violation.of(object, "Service without a NetworkPolicy selecting its pods"));
    }
  }

  private static void configMap(RenderedObject object, ConfigMap configMap, List<Violation> violations) {
    Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of()).forEach((key, value) -> {
      if (CREDENTIAL_IN_TEXT.matcher(value).find()) {
        violations.add(Violation.of(object, "literal secret value in data " + key));
      }
    });
  }

  private static boolean isDefaultDeny(NetworkPolicy policy) {
    return isSelectAll(policy.getSpec().getPodSelector())
        && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
        && (policy.getSpec().getIngress() == null || policy.getSpec().getIngress().isEmpty())
        && (policy.getSpec().getEgress() == null || policy.getSpec().getEgress().isEmpty());
  }

  private static boolean isSelectAll(@Nullable LabelSelector selector) {
    return selector == null || (Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()).isEmpty()
        && Objects.requireNonNullElse(selector.getMatchExpressions(), List.of()).isEmpty());
  }

  /** Whether a matchLabels selector (the only form these manifests use) selects pods with these labels. */
  static boolean selects(@Nullable LabelSelector selector, @Nullable Map<String, String> labels) {
    if (selector == null || labels == null) {
      return false;
    }
    if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
      return false;
    }
    return !isSelectAll(selector) && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
  }

  private DeploymentRules() {}
}
