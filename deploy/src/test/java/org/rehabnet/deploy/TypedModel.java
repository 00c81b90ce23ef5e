package org.rehabnet.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every kind the platform may render, mapped to its typed model: fabric8's Kubernetes model for the
 * built-in kinds, Strimzi's {@code api} for Kafka's, {@link OperatorResources} for CloudNativePG and
 * Keycloak. A kind without a model is itself a violation, so nothing enters the manifests unchecked.
 *
 * <p>Parsing is strict. fabric8's and Strimzi's classes keep unknown fields in an
 * {@code additionalProperties} map (a client must survive newer servers); here that any-setter is
 * switched off, so an unknown or misspelt field fails with its path instead of being carried along.
 */
final class TypedModel {

  private static final Map<String, Class<?>> MODELS = Map.ofEntries(
      Map.entry("v1/Namespace", Namespace.class),
      Map.entry("v1/ConfigMap", ConfigMap.class),
      Map.entry("v1/Secret", Secret.class),
      Map.entry("v1/Service", Service.class),
      Map.entry("v1/ServiceAccount", ServiceAccount.class),
      Map.entry("apps/v1/Deployment", Deployment.class),
      Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
      Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
      Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
      Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
      Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
      Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
      Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
      Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
      Map.entry("postgresql.cnpg.io/v1/Cluster", OperatorResources.CnpgCluster.class),
      Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", OperatorResources.ScheduledBackup.class),
      Map.entry("barmancloud.cnpg.io/v1/ObjectStore", OperatorResources.ObjectStore.class),
      Map.entry("k8s.keycloak.org/v2beta1/Keycloak", OperatorResources.Keycloak.class),
      Map.entry("k8s.keycloak.org/v2beta1/KeycloakRealmImport", OperatorResources.KeycloakRealmImport.class));

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
      JsonMapper.builder()
          .annotationIntrospector(new NoAdditionalProperties())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build(),
      false);

  /** The parsed objects, and what did not parse added to {@code violations}. */
  static List<RenderedObject> parse(String renderedYaml, List<Violation> violations) {
    List<RenderedObject> objects = new ArrayList<>();
    for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(renderedYaml).readAll()) {
      if (document == null || document.isNull() || document.isEmpty()) {
        continue;
      }
      String apiVersion = document.path("apiVersion").asString("");
      String kind = document.path("kind").asString("");
      String name = document.path("metadata").path("name").asString("");
      String namespace = document.path("metadata").path("namespace").asString("");
      Class<?> model = MODELS.get(apiVersion + "/" + kind);
      if (model == null) {
        violations.add(new Violation(kind + "/" + name, "no typed model for " + apiVersion + " " + kind
            + " (add it to TypedModel deliberately)"));
        objects.add(new RenderedObject(apiVersion, kind, name, namespace, null));
        continue;
      }
      objects.add(new RenderedObject(apiVersion, kind, name, namespace,
          typed(document, model, kind + "/" + name, violations)));
    }
    return objects;
  }

  private static @Nullable Object typed(JsonNode document, Class<?> model, String id, List<Violation> violations) {
    try {
      return SERIALIZATION.unmarshal(document.toString(), model);
    } catch (RuntimeException e) {
      violations.add(new Violation(id, reason(e)));
      return null;
    }
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnrecognizedPropertyException unknown) {
        return "unknown field " + path(unknown) + " (not in the " + unknown.getReferringClass().getSimpleName()
            + " model)";
      }
      if (t instanceof DatabindException invalid) {
        return "does not match its model at " + path(invalid) + ": " + invalid.getOriginalMessage();
      }
      if (t instanceof JacksonException invalid) {
        return "does not parse: " + invalid.getOriginalMessage();
      }
    }
    return "does not parse: " + e.getMessage();
  }

  private static String path(DatabindException e) {
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  /** Treats {@code @JsonAnySetter} as absent, so that unknown fields fail instead of being kept. */
  private static final class NoAdditionalProperties extends JacksonAnnotationIntrospector {
    @Override
    public @Nullable Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
      return null;
    }
  }

  private TypedModel() {}
}
