package org.rehabnet.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerPostProcessor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one publisher and consumer configuration every service uses. Kafka client settings are in
 * {@link EventsEnvironmentDefaults}; this wires the outbox routing, the CloudEvents headers, the
 * error handler and the idempotent inbox.
 */
// Before Boot's Kafka auto-configuration, whose LoggingProducerListener steps back for OutboxRecovery,
// and before its task execution, whose AsyncConfigurer steps back for the OutboxSender.
@AutoConfiguration(beforeName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration"})
@EnableScheduling
public class EventsAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EventsAutoConfiguration.class);

  /**
   * Selects every {@link IntegrationEvent} published inside a transaction: Spring Modulith records
   * it in {@code event_publication} in that same transaction, then sends it to Kafka after commit.
   */
  @Bean
  EventExternalizationConfiguration eventExternalization(
      @Value("${spring.application.name}") String applicationName) {
    String source = "/rehabnet/" + applicationName;
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof IntegrationEvent)
        .route(IntegrationEvent.class, event ->
            RoutingTarget.forTarget(CloudEventHeaders.typeOf(event.getClass()).topic()).andKey(event.key()))
        .headers(IntegrationEvent.class, event -> CloudEventHeaders.of(event, source))
        .build();
  }

  /**
   * Bounded exponential backoff, then the dead-letter topic with the exception in its headers.
   * Spring Kafka's default would log and skip after ten quick tries.
   */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler kafkaErrorHandler(
      KafkaOperations<Object, Object> kafka,
      @Value("${spring.kafka.consumer.group-id}") String group,
      @Value("${rehabnet.events.max-retries:4}") int maxRetries) {
    var recoverer = new DeadLetterPublishingRecoverer(kafka,
        // Partition -1 lets the producer choose, so the DLT need not mirror the source's partitions.
        (record, exception) -> new TopicPartition(Topics.deadLetterTopic(record.topic(), group), -1));
    var backOff = new ExponentialBackOffWithMaxRetries(maxRetries);
    backOff.setInitialInterval(200);
    backOff.setMultiplier(3.0);
    backOff.setMaxInterval(5_000);
    var handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(EventInbox.MalformedEvent.class);
    return handler;
  }

  @Bean
  ProcessedEvents processedEvents(JdbcClient jdbc) {
    return new ProcessedEvents(jdbc);
  }

  @Bean
  EventInbox eventInbox(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
      JsonMapper json, ObjectProvider<ObservationRegistry> observations) {
    return new EventInbox(processedEvents, new TransactionTemplate(transactionManager), json,
        observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  /**
   * Static group membership: each listener container joins its group under a fixed
   * {@code group.instance.id} ({@code <instance>.<listener id>}), so an instance restarted after a
   * crash takes its partitions back at once instead of waiting for the dead member's session to
   * expire and the group to rebalance. On only where REHABNET_CONSUMER_INSTANCE_ID names the
   * instance (./rehabnet up, compose, the e2e platform): two instances under one name would fence
   * each other, and test contexts in one JVM share their listener ids. Every container also tells
   * {@link ListenerAssignments} when it has its partitions (readiness).
   */
  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> listenerContainers(
      @Value("${rehabnet.events.consumer-instance-id:}") String instanceId, ListenerAssignments assignments) {
    return container -> {
      if (!instanceId.isBlank()) {
        container.getContainerProperties().getKafkaConsumerProperties()
            .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "." + container.getListenerId());
      }
      String listenerId = container.getListenerId();
      if (listenerId != null) {
        container.getContainerProperties().setConsumerRebalanceListener(assignments.forListener(listenerId));
      }
    };
  }

  /** Readiness waits for every running listener to have its partitions ({@code listeners} in the readiness group). */
  @Bean
  ListenerAssignments listenersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
    return new ListenerAssignments(registry);
  }

  /** One admin client for the broker's health and the event-flow metrics. */
  @Bean(destroyMethod = "close")
  Admin rehabnetEventsAdmin(KafkaAdmin kafkaAdmin) {
    var config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "rehabnet-events-admin");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    return Admin.create(config);
  }

  @Bean
  KafkaBrokerHealthIndicator kafkaHealthIndicator(Admin rehabnetEventsAdmin) {
    return new KafkaBrokerHealthIndicator(rehabnetEventsAdmin);
  }

  @Bean
  EventFlowMetrics eventFlowMetrics(JdbcClient jdbc, Admin rehabnetEventsAdmin,
      @Value("${spring.kafka.consumer.group-id}") String group,
      ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry meters) {
    return new EventFlowMetrics(jdbc, rehabnetEventsAdmin, group, listeners, meters);
  }

  @Bean
  OutboxResubmission outboxResubmission(IncompleteEventPublications incomplete,
      @Value("${rehabnet.events.resubmit-older-than:PT30S}") Duration olderThan) {
    return new OutboxResubmission(incomplete, olderThan);
  }

  /**
   * One thread hands the outbox to the producer, in commit order, without waiting for the broker's
   * answers ({@link OutboxHandOff}). Modulith externalizes each event from an {@code @Async}
   * listener; on the default executor (a virtual thread per task) two events of one patient committed
   * one after the other could reach the producer in either order, and so could a resubmitted backlog.
   * Only {@code @Async} methods use it (Modulith's externalizer is the one here), not the application
   * task executor.
   */
  @Bean
  @ConditionalOnMissingBean(AsyncConfigurer.class)
  OutboxSender outboxSender(ObjectProvider<TaskDecorator> decorator,
      @Value("${rehabnet.events.max-sends-in-flight:1000}") int maxInFlight) {
    return new OutboxSender(new OutboxHandOff(decorator.getIfAvailable(), maxInFlight));
  }

  /** Tells the outbox sender when the producer has each record (after send returns). */
  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  DefaultKafkaProducerFactoryCustomizer outboxHandOffSignal() {
    return factory -> ((DefaultKafkaProducerFactory) factory).addPostProcessor(
        (ProducerPostProcessor) producer -> new OutboxHandOff.SignallingProducer<>((Producer) producer));
  }

  static final class OutboxSender implements AsyncConfigurer, DisposableBean {

    private final OutboxHandOff executor;

    OutboxSender(OutboxHandOff executor) {
      this.executor = executor;
    }

    @Override
    public Executor getAsyncExecutor() {
      return executor;
    }

    /** Whether {@code executor} is the outbox sender's, with nothing queued and nothing being handed on. */
    static boolean idle(@Nullable Executor executor) {
      return executor instanceof OutboxHandOff sender && sender.idle();
    }

    @Override
    public void destroy() {
      // A graceful shutdown hands what is queued to the producer; what is not sent is republished on restart.
      executor.stop(Duration.ofSeconds(5));
    }
  }

  /** Resends what failed during a broker outage as soon as the broker answers again. */
  @Bean
  OutboxRecovery outboxRecovery(IncompleteEventPublications incomplete, JdbcClient jdbc, Admin rehabnetEventsAdmin,
      MeterRegistry meters, ObjectProvider<AsyncConfigurer> async) {
    // Boot wraps the AsyncConfigurer bean in its own, which hands out ours: ask it for the executor.
    // With another executor than the outbox sender, what is queued cannot be seen: never assume idle.
    return new OutboxRecovery(incomplete, jdbc, rehabnetEventsAdmin, meters, () -> {
      AsyncConfigurer configurer = async.getIfUnique();
      return configurer != null && OutboxSender.idle(configurer.getAsyncExecutor());
    });
  }

  /**
   * The safety net behind {@link OutboxRecovery}: publications still incomplete after a while (broker down when they were first sent) are sent
   * again; consumers are idempotent, so a duplicate costs nothing.
   */
  public static class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    OutboxResubmission(IncompleteEventPublications incomplete, Duration olderThan) {
      this.incomplete = incomplete;
      this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${rehabnet.events.resubmit-interval:PT15S}",
        initialDelayString = "${rehabnet.events.resubmit-interval:PT15S}")
    public void resubmit() {
      try {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
      } catch (RuntimeException e) {
        log.warn("Outbox resubmission failed, will retry: {}", e.toString());
      }
    }
  }

}
