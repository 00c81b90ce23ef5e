package org.rehabnet.gateway.edge;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.security.TokenPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the gateway's own request paths through it before it reports ready, so that the first
 * minute after a deploy is not slow: measured before this, the first 1,000 requests after a restart
 * had a p99 of 1.2-14.5 s against 13-18 ms warm, because the first requests paid for class loading,
 * the first key-set fetch, the first connection to each service and interpreted code, while the
 * requests behind them queued.
 *
 * <p>An {@link ApplicationRunner}: Spring Boot reports the application ready (readiness
 * ACCEPTING_TRAFFIC, {@code /readyz} 200) only after the runners return, and the server already
 * listens, so the warm-up goes through the real door on the loopback interface. Two requests, each
 * sent {@code requests} times by four clients, within {@code duration} at most:
 * <ul>
 *   <li>a staff read with a token that names the realm's real key but is signed by a key made here
 *       for the purpose: it fetches the realm's key set, parses the token and checks its signature
 *       (which fails: the warm-up can never be let in), then the security chain's 401 problem;</li>
 *   <li>the API document of an unknown group at each service, which the gateway lets through without
 *       a token: routing, the HTTP client and its pooled connections, and the proxied answer (a
 *       small 404 problem). A service that does not answer is left out at once, so a service still
 *       starting does not fill the circuit breaker before the first real request.</li>
 * </ul>
 * Warm-up requests carry a header with a value made here at random, so the access log leaves them
 * out (a client cannot guess it); the HTTP request meters they made are removed before readiness, so
 * a dashboard does not show a burst of 401s at every start.
 */
public class WarmUpBeforeReady implements ApplicationRunner {

  static final String HEADER = "X-Rehabnet-Warm-Up";
  private static final Logger log = LoggerFactory.getLogger(WarmUpBeforeReady.class);
  private static final String NONCE = newNonce();

  private final int requests;
  private final Duration duration;
  private final List<String> services;
  private final TokenPolicy policy;
  private final Environment environment;
  private final ObjectProvider<MeterRegistry> meters;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public WarmUpBeforeReady(int requests, Duration duration, List<String> services, TokenPolicy policy,
      Environment environment, ObjectProvider<MeterRegistry> meters) {
    this.requests = requests;
    this.duration = duration;
    this.services = services;
    this.policy = policy;
    this.environment = environment;
    this.meters = meters;
  }

  /** Whether the exchange is one of this instance's warm-up requests. */
  public static boolean isWarmUp(ServerWebExchange exchange) {
    return NONCE.equals(exchange.getRequest().getHeaders().getFirst(HEADER));
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    Integer port = environment.getProperty("local.server.port", Integer.class);
    if (requests <= 0 || port == null) {
      return;
    }
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    String base = "http://127.0.0.1:" + port;
    @Nullable String token = refusedToken();
    List<String> reachable = new CopyOnWriteArrayList<>(services.stream()
        .filter(service -> send(base + "/api/" + service + "/v3/api-docs/warm-up", null) == 404).toList());
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger warmed = new AtomicInteger();
    AtomicInteger unexpected = new AtomicInteger();
    try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        running.add(clients.submit(() -> {
          for (int n = sent.getAndIncrement(); n < requests && System.nanoTime() < deadline; n = sent.getAndIncrement()) {
            String service = services.get(n % services.size());
            if (token != null
                && send(base + "/api/" + service + "/v1/patients/" + UUID.randomUUID(), token) != 401) {
              unexpected.incrementAndGet();
            }
            List<String> answering = List.copyOf(reachable);
            String proxied = answering.isEmpty() ? null : answering.get(n % answering.size());
            if (proxied != null && send(base + "/api/" + proxied + "/v3/api-docs/warm-up", null) != 404) {
              reachable.remove(proxied);
            }
            warmed.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    }
    forgetRequestMeters();
    log.info("Warmed up with {} requests in {} ms before reporting ready (services answering: {}{})", warmed.get(),
        (System.nanoTime() - started) / 1_000_000, reachable.isEmpty() ? "none" : String.join(", ", reachable),
        unexpected.get() == 0 ? "" : "; " + unexpected.get() + " refused reads were not 401");
  }

  /** Status of a GET with the warm-up header, or -1 when the gateway did not answer. */
  private int send(String url, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
        .header(HEADER, NONCE);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * A token in the realm's shape naming one of its real keys, signed with a key made here: the
   * gateway fetches the key set and checks the signature as for any staff token, and refuses it.
   * None without the key set (Keycloak not up yet): a made-up key id would send every warm-up read
   * to the key set, use up its refetch limit and leave the first real tokens unverifiable.
   */
  private @Nullable String refusedToken() throws Exception {
    String keyId = realmKeyId();
    if (keyId == null) {
      return null;
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var keys = generator.generateKeyPair();
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(policy.issuerUri()).audience(policy.audience()).subject("gateway-warm-up")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(duration).plusSeconds(60)))
        .claim("typ", "Bearer").claim("azp", "gateway-warm-up")
        .claim("realm_access", Map.of("roles", List.of())).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  private @Nullable String realmKeyId() {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(policy.effectiveJwkSetUri()))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      for (JWK key : JWKSet.parse(answer.body()).getKeys()) {
        if (KeyType.RSA.equals(key.getKeyType()) && key.getKeyID() != null) {
          return key.getKeyID();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.info("No key set at {} for the warm-up ({}): it warms routing only, no token reads",
          policy.effectiveJwkSetUri(), e.toString());
    }
    return null;
  }

  private void forgetRequestMeters() {
    MeterRegistry registry = meters.getIfAvailable();
    if (registry != null) {
      registry.find("http.server.requests").meters().forEach(registry::remove);
    }
  }

  private static String newNonce() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
