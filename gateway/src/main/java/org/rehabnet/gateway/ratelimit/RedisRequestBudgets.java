package org.rehabnet.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.rehabnet.gateway.ratelimit.RateLimitProperties.Budget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Budgets shared by every gateway instance: one Bucket4j bucket per key in Redis, updated by
 * compare-and-swap, so a client gets its budget once however many instances serve it. Commands are
 * asynchronous (Lettuce); a Netty thread never waits on Redis.
 *
 * <p>When Redis is unreachable, or does not answer within the command timeout, the request is
 * counted in this instance's own buckets instead. Care must not stop because the limiter's store is
 * down, so no request fails for it; and limiting does not stop either: each instance then holds
 * every client to the budget on its own (N instances admit up to N budgets) until Redis answers
 * again, which the next request notices by itself.
 */
final class RedisRequestBudgets implements RequestBudgets, AutoCloseable {

  static final String KEY_PREFIX = "rehabnet:ratelimit:";
  // A down store is worth one line a minute in the log, not one per request.
  static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
  // An idle bucket leaves Redis once it would be full again, plus this margin for clock skew.
  private static final Duration IDLE_MARGIN = Duration.ofSeconds(10);
  private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private static final Logger log = LoggerFactory.getLogger(RedisRequestBudgets.class);

  private final RedisURI uri;
  private final String where;
  private final Duration commandTimeout;
  private final Duration connectTimeout;
  private final RequestBudgets local;
  private final ClientResources resources;
  private final RedisClient client;
  private final Map<Budget, BucketConfiguration> configurations = new ConcurrentHashMap<>();
  private final AtomicLong nextConnectAttempt = new AtomicLong(System.nanoTime());
  private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
  private volatile @Nullable AsyncProxyManager<String> buckets;

  RedisRequestBudgets(RateLimitProperties.Redis properties, RequestBudgets local) {
    if (properties.uri() == null) {
      throw new IllegalArgumentException("rehabnet.gateway.rate-limit.redis.uri is not set");
    }
    this.uri = RedisURI.create(properties.uri());
    // The connection handshake (HELLO, AUTH) is bounded by the connect timeout; commands by their own.
    this.uri.setTimeout(properties.connectTimeout());
    // Host and port only: the URI may carry a password.
    this.where = uri.getHost() + ":" + uri.getPort();
    this.commandTimeout = properties.commandTimeout();
    this.connectTimeout = properties.connectTimeout();
    this.local = local;
    // Once connected, Lettuce reconnects on its own; capped so a returning Redis is used within seconds.
    this.resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources);
    client.setOptions(ClientOptions.builder()
        // While disconnected, fail at once (and count locally) rather than queue commands without bound.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
        .build());
    awaitFirstConnection();
  }

  @Override
  public Mono<ConsumptionProbe> tryConsume(String key, Budget budget) {
    return Mono.defer(() -> {
      AsyncProxyManager<String> shared = connected();
      if (shared == null) {
        return fallBack(key, budget, "not connected");
      }
      return Mono.fromFuture(() -> shared.builder()
              .build(KEY_PREFIX + key, () -> CompletableFuture.completedFuture(configuration(budget)))
              .tryConsumeAndReturnRemaining(1))
          .timeout(commandTimeout)
          .doOnNext(probe -> answered())
          .onErrorResume(failure -> fallBack(key, budget, failure.toString()));
    });
  }

  @Override
  public Mono<Long> remaining(String key, Budget budget) {
    return Mono.defer(() -> {
      AsyncProxyManager<String> shared = connected();
      if (shared == null) {
        return local.remaining(key, budget);
      }
      return Mono.fromFuture(() -> shared.builder()
              .build(KEY_PREFIX + key, () -> CompletableFuture.completedFuture(configuration(budget)))
              .getAvailableTokens())
          .timeout(commandTimeout)
          .onErrorResume(failure -> local.remaining(key, budget));
    });
  }

  @Override
  public String store() {
    return buckets == null ? "instance (Redis at " + where + " not answering)" : "redis";
  }

  /** The shared buckets, or null while there is no connection (then a new attempt, now and then). */
  private @Nullable AsyncProxyManager<String> connected() {
    AsyncProxyManager<String> ready = buckets;
    if (ready == null) {
      connect();
    }
    return ready;
  }

  private @Nullable CompletableFuture<?> connect() {
    long now = System.nanoTime();
    long due = nextConnectAttempt.get();
    if (now - due < 0 || !nextConnectAttempt.compareAndSet(due, now + connectTimeout.toNanos() * 2)) {
      return null;
    }
    return client.connectAsync(CODEC, uri).toCompletableFuture().whenComplete((opened, failure) -> {
      if (failure != null) {
        warn("cannot connect: " + failure);
        return;
      }
      if (buckets != null) {
        opened.close(); // another attempt got there first
        return;
      }
      connection = opened;
      buckets = Bucket4jLettuce.casBasedBuilder(opened)
          .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(IDLE_MARGIN))
          .build()
          .asAsync();
      answered();
    });
  }

  /**
   * Waits briefly at start (not on a request thread), so an instance whose Redis is up shares budgets
   * from its first request; if Redis is down the gateway starts anyway and counts locally.
   */
  private void awaitFirstConnection() {
    CompletableFuture<?> attempt = connect();
    if (attempt == null) {
      return;
    }
    try {
      attempt.get(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
      log.info("Rate limits are shared by all gateway instances through Redis at {}", where);
    } catch (ExecutionException | TimeoutException e) {
      // Already warned by the attempt, or it is still trying; requests count locally meanwhile.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private BucketConfiguration configuration(Budget budget) {
    return configurations.computeIfAbsent(budget, b -> BucketConfiguration.builder().addLimit(b.bandwidth()).build());
  }

  private Mono<ConsumptionProbe> fallBack(String key, Budget budget, String why) {
    warn(why);
    return local.tryConsume(key, budget);
  }

  private void warn(String why) {
    long now = System.nanoTime();
    long due = nextWarning.get();
    if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARNING_INTERVAL.toNanos())) {
      warned.set(true);
      log.warn("Redis at {} did not answer ({}): rate limits are counted on this instance alone until it does;"
          + " next warning in {} at the earliest", where, why, WARNING_INTERVAL);
    }
  }

  private void answered() {
    if (warned.compareAndSet(true, false)) {
      log.info("Redis at {} answers again: rate limits are shared by all gateway instances", where);
    }
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, byte[]> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
