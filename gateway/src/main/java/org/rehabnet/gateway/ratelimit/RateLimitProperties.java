package org.rehabnet.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets per client (a partner organisation or an OAuth client) and per user, refilled
 * continuously. A client may get its own budget by client id or partner organisation. With
 * {@code redis.uri} set, the budgets are shared by every gateway instance; without it each instance
 * keeps its own.
 */
@Validated
@ConfigurationProperties("rehabnet.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @Valid @NotNull @DefaultValue({"1200", "1m"}) Budget perClient,
    @Valid @NotNull @DefaultValue({"300", "1m"}) Budget perUser,
    Map<String, @Valid Budget> clients,
    @Valid @NotNull @DefaultValue Redis redis) {

  public RateLimitProperties {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }

  /** The budget of one client, by its own name or the default. */
  public Budget forClient(String client) {
    return clients.getOrDefault(client, perClient);
  }

  /**
   * The shared store. {@code uri} like {@code redis://host:6379} or {@code rediss://:secret@host:6380}
   * (from the environment: it may hold a password); unset, budgets stay on the instance.
   * {@code commandTimeout} bounds what a request waits for Redis before this instance's own buckets
   * answer instead; {@code connectTimeout} bounds a connection attempt (at start, and while Redis is
   * down).
   */
  public record Redis(
      @Nullable URI uri,
      @NotNull @DefaultValue("150ms") Duration commandTimeout,
      @NotNull @DefaultValue("1s") Duration connectTimeout) {}

  /** {@code requests} per {@code period}. */
  public record Budget(@Min(1) long requests, @NotNull Duration period) {

    /** A full bucket of {@code requests}, refilled evenly over the period rather than all at once. */
    Bandwidth bandwidth() {
      return Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build();
    }
  }
}
