package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.StrimziAclOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rehabnet.platform.events.Topics;

/**
 * The Kafka resources of production follow the code: a KafkaTopic for every topic of platform-events'
 * {@link Topics} and for the dead-letter topic of every consumer group, replicated three times and
 * writable on two; each service's KafkaUser may write what it owns and read what its listeners read
 * under their own groups. A new topic or listener without its resource would fail in production with
 * an authorization error, so it fails here first.
 */
class EventTopologyTest {

  private static final Set<String> SERVICES = Set.of("intake-service", "monitoring-service", "aftercare-service");

  /** {@code static final String CONSUMER = "..."} beside {@code @KafkaListener(id = CONSUMER, topics = Topics.X)}. */
  private static final Pattern CONSUMER = Pattern.compile("static final String CONSUMER = \"([^\"]+)\"");
  private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(id = CONSUMER, topics = Topics\\.(\\w+)\\)");

  private static ManifestCheck production;
  private static List<Listener> listeners;

  /** One consumer group of one service, reading one topic. */
  record Listener(String service, String group, String topic) {}

  @BeforeAll
  static void renderProductionAndReadListeners() throws Exception {
    production = ManifestCheck.of(ManifestCheck.OVERLAYS.resolve("production"), DeploymentRules.Environment.PRODUCTION);
    listeners = listeners();
  }

  @Test
  void everyTopicAndDeadLetterTopicHasAKafkaTopicAndNothingElseDoes() throws Exception {
    Set<String> expected = new HashSet<>(topicsOfPlatformEvents());
    listeners.forEach(l -> expected.add(Topics.deadLetterTopic(l.topic(), l.group())));

    assertThat(production.all(KafkaTopic.class)).extracting(t -> t.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyTopicIsReplicatedThreeTimesAndWritableOnTwo() {
    assertThat(production.all(KafkaTopic.class)).allSatisfy(topic -> {
      assertThat(topic.getSpec().getReplicas()).as(topic.getMetadata().getName()).isEqualTo(3);
      assertThat(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")))
          .as(topic.getMetadata().getName()).isEqualTo("2");
    });
  }

  @ParameterizedTest
  @EnumSource(DeploymentRules.Environment.class)
  void servicesAskForTheTopicsAsStrimziDeclaresThem(DeploymentRules.Environment environment) {
    ManifestCheck check = ManifestCheck.of(ManifestCheck.OVERLAYS.resolve(environment.name().toLowerCase()), environment);
    Map<String, String> platform = check.all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals("rehabnet-platform")).findFirst().orElseThrow().getData();

    assertThat(check.all(KafkaTopic.class)).allSatisfy(topic -> {
      assertThat(topic.getSpec().getPartitions()).isEqualTo(Integer.parseInt(platform.get("event-topic-partitions")));
      assertThat(topic.getSpec().getReplicas()).isEqualTo(Integer.parseInt(platform.get("event-topic-replicas")));
    });
    assertThat(check.all(Deployment.class)).filteredOn(d -> SERVICES.contains(d.getMetadata().getName()))
        .hasSize(SERVICES.size())
        .allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
            .filteredOn(env -> env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null)
            .extracting(env -> env.getName() + "=" + env.getValueFrom().getConfigMapKeyRef().getKey())
            .contains("REHABNET_EVENTS_PARTITIONS=event-topic-partitions", "REHABNET_EVENTS_REPLICAS=event-topic-replicas"));
  }

  /**
   * The assignor orders a group's members by instance id: with more consumers than partitions the
   * first pods take every partition and the pods the autoscaler adds only stand by. So each
   * service's consumers per pod times its most replicas (the autoscaler's maximum, or the fixed
   * count) must not exceed the partitions.
   */
  @ParameterizedTest
  @EnumSource(DeploymentRules.Environment.class)
  void everyReplicaOfAConsumingServiceGetsPartitionsAtItsLargestScale(DeploymentRules.Environment environment) {
    ManifestCheck check = ManifestCheck.of(ManifestCheck.OVERLAYS.resolve(environment.name().toLowerCase()), environment);
    Map<String, String> platform = check.all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals("rehabnet-platform")).findFirst().orElseThrow().getData();
    int partitions = Integer.parseInt(platform.get("event-topic-partitions"));
    int consumersPerPod = Integer.parseInt(platform.get("event-consumers-per-instance"));
    Map<String, Integer> autoscaledTo = new HashMap<>();
    check.all(HorizontalPodAutoscaler.class).forEach(hpa ->
        autoscaledTo.put(hpa.getSpec().getScaleTargetRef().getName(), hpa.getSpec().getMaxReplicas()));

    assertThat(consumersPerPod).isPositive();
    assertThat(check.all(Deployment.class)).filteredOn(d -> SERVICES.contains(d.getMetadata().getName()))
        .hasSize(SERVICES.size())
        .allSatisfy(d -> {
          int mostReplicas = autoscaledTo.getOrDefault(d.getMetadata().getName(), d.getSpec().getReplicas());
          assertThat(consumersPerPod * mostReplicas)
              .as("%s in %s: %d consumers a pod x %d pods against %d partitions", d.getMetadata().getName(),
                  environment, consumersPerPod, mostReplicas, partitions)
              .isLessThanOrEqualTo(partitions);
          assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
              .filteredOn(env -> env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null)
              .extracting(env -> env.getName() + "=" + env.getValueFrom().getConfigMapKeyRef().getKey())
              .contains("REHABNET_EVENTS_CONSUMERS_PER_INSTANCE=event-consumers-per-instance");
        });
  }

  @Test
  void listenersWereFoundInTheServices() {
    assertThat(listeners).extracting(Listener::service).containsOnly(SERVICES.toArray(String[]::new));
    assertThat(listeners).hasSizeGreaterThanOrEqualTo(9);
  }

  @Test
  void everyListenerMayReadItsTopicUnderItsGroupAndParkDeadLetters() {
    for (Listener listener : listeners) {
      List<AclRule> acls = acls(listener.service());
      assertThat(allows(acls, "topic", listener.topic(), StrimziAclOperation.READ)).as(listener + " reads its topic").isTrue();
      assertThat(allows(acls, "group", listener.group(), StrimziAclOperation.READ)).as(listener + " joins its group").isTrue();
      assertThat(allows(acls, "topic", Topics.deadLetterTopic(listener.topic(), listener.group()), StrimziAclOperation.WRITE))
          .as(listener + " writes its dead letters").isTrue();
    }
  }

  @Test
  void onlyTheOwnerWritesATopicAndNoServiceCreatesTopics() throws Exception {
    for (String topic : topicsOfPlatformEvents()) {
      String owner = topic.split("\\.")[1] + "-service";
      List<String> writers = production.all(KafkaUser.class).stream()
          .filter(user -> allows(acls(user.getMetadata().getName()), "topic", topic, StrimziAclOperation.WRITE))
          .map(user -> user.getMetadata().getName()).toList();
      assertThat(writers).as("writers of " + topic).containsExactly(owner);
    }
    assertThat(production.all(KafkaUser.class)).allSatisfy(user -> assertThat(acls(user.getMetadata().getName()))
        .noneMatch(rule -> rule.getOperations().contains(StrimziAclOperation.CREATE)
            || rule.getOperations().contains(StrimziAclOperation.ALL)));
  }

  private static List<AclRule> acls(String user) {
    KafkaUser kafkaUser = production.all(KafkaUser.class).stream()
        .filter(u -> u.getMetadata().getName().equals(user)).findFirst()
        .orElseThrow(() -> new AssertionError("no KafkaUser " + user));
    return ((KafkaUserAuthorizationSimple) kafkaUser.getSpec().getAuthorization()).getAcls();
  }

  private static boolean allows(List<AclRule> acls, String type, String name, StrimziAclOperation operation) {
    return acls.stream().filter(rule -> rule.getOperations().contains(operation)).anyMatch(rule -> switch (rule.getResource()) {
      case AclRuleTopicResource topic when type.equals("topic") -> matches(topic.getName(), topic.getPatternType().toValue(), name);
      case AclRuleGroupResource group when type.equals("group") -> matches(group.getName(), group.getPatternType().toValue(), name);
      default -> false;
    });
  }

  private static boolean matches(String pattern, String patternType, String name) {
    return patternType.equals("prefix") ? name.startsWith(pattern) : pattern.equals(name);
  }

  private static List<String> topicsOfPlatformEvents() throws IllegalAccessException {
    List<String> topics = new ArrayList<>();
    for (Field field : Topics.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        topics.add((String) field.get(null));
      }
    }
    return topics;
  }

  private static List<Listener> listeners() throws IllegalAccessException {
    List<Listener> found = new ArrayList<>();
    for (String service : SERVICES) {
      try (Stream<Path> files = Files.walk(ManifestCheck.REPOSITORY.resolve(service).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher listener = LISTENER.matcher(source);
          Matcher consumer = CONSUMER.matcher(source);
          if (listener.find() && consumer.find()) {
            found.add(new Listener(service, consumer.group(1), (String) Topics.class.getField(listener.group(1)).get(null)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchFieldException e) {
        throw new AssertionError("a listener reads a topic that Topics does not have", e);
      }
    }
    return found;
  }
}
