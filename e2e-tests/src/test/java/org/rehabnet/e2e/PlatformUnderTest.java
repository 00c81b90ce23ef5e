package org.rehabnet.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.keycloak.KeycloakServer;
import org.rehabnet.test.process.ManagedProcess;
import org.rehabnet.test.process.Ports;
import org.rehabnet.test.zipkin.ZipkinServer;

/**
 * The whole platform as users meet it: real PostgreSQL and Kafka, real Keycloak with the dev realm,
 * and the services' and gateway's own jars from this build as separate processes. Started once per
 * test JVM and shared by every journey.
 */
final class PlatformUnderTest {

  static final String PASSWORD = "rehabnet-dev";
  private static volatile PlatformUnderTest instance;

  final KeycloakServer keycloak;
  final CountingJwksProxy gatewayJwks;
  final ApiClient gateway;
  final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
  private final Path root;
  private final Path logs;
  final Map<String, ManagedProcess> services = new LinkedHashMap<>();
  final Map<String, Integer> ports = new LinkedHashMap<>();
  /** Each process's actuator (Prometheus) port, apart from its API port as in a deployment. */
  final Map<String, Integer> managementPorts = new LinkedHashMap<>();
  /** Zipkin starts with the first journey that reads traces: on two cores it slows everything it starts beside. */
  private final int zipkinPort = Ports.free();
  private ZipkinServer zipkin;
  final int portalPort;
  final int idlePortalPort;
  private volatile ManagedProcess idlePortal;

  private PlatformUnderTest() {
    root = Path.of(System.getProperty("rehabnet.repository.root", "..")).toAbsolutePath().normalize();
    logs = Path.of(System.getProperty("rehabnet.e2e.logs", "target/e2e-logs"));
    // The portals' ports are known before Keycloak starts: the realm must name their redirect URIs.
    portalPort = Ports.free();
    idlePortalPort = Ports.free();
    keycloak = KeycloakServer.start(PortalRealm.forPorts(root.resolve("deploy/keycloak/rehabnet-realm.json"),
        logs, portalPort, idlePortalPort), logs);
    gatewayJwks = new CountingJwksProxy(keycloak.jwkSetUri());

    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    List<ManagedProcess> started = new ArrayList<>();
    for (String service : List.of("intake", "monitoring", "aftercare")) {
      DatabaseCoordinates db = infrastructure.postgres().database(service);
      int port = Ports.free();
      ports.put(service, port);
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
      env.put("SPRING_DATASOURCE_USERNAME", db.username());
      env.put("SPRING_DATASOURCE_PASSWORD", db.password());
      env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
      env.put("REHABNET_ISSUER_URI", keycloak.issuer());
      observed(service, env);
      environments.put(service, env);
      ManagedProcess process = startService(service);
      started.add(process);
    }
    int gatewayPort = Ports.free();
    ports.put("gateway", gatewayPort);
    Map<String, String> gatewayEnv = new LinkedHashMap<>();
    gatewayEnv.put("REHABNET_ISSUER_URI", keycloak.issuer());
    observed("gateway", gatewayEnv);
    // Keys through a counting proxy, so the journeys can see how often the gateway asks Keycloak.
    gatewayEnv.put("REHABNET_JWK_SET_URI", gatewayJwks.url());
    gatewayEnv.put("REHABNET_GATEWAY_UPSTREAM_TIMEOUT", "5s");
    // One partner gets a tiny budget so a journey can spend it; everyone else keeps the defaults.
    gatewayEnv.put("SPRING_APPLICATION_JSON", "{\"rehabnet\":{\"gateway\":{\"rate-limit\":{\"clients\":"
        + "{\"lighthouse-recovery\":{\"requests\":5,\"period\":\"1m\"}}}}}}");
    gatewayEnv.put("REHABNET_ROUTES_INTAKE", "http://127.0.0.1:" + ports.get("intake"));
    gatewayEnv.put("REHABNET_ROUTES_MONITORING", "http://127.0.0.1:" + ports.get("monitoring"));
    gatewayEnv.put("REHABNET_ROUTES_AFTERCARE", "http://127.0.0.1:" + ports.get("aftercare"));
    ManagedProcess gatewayProcess = ManagedProcess.startJar("gateway", root.resolve("gateway/target/gateway.jar"),
        gatewayPort, gatewayEnv, logs);
    services.put("gateway", gatewayProcess);
    started.add(gatewayProcess);

    // Everything boots in parallel; two cores make this the slowest part of the suite (Keycloak took
    // up to 8 minutes under load here).
    var ready = new ArrayList<CompletableFuture<?>>();
    // -Drehabnet.e2e.startup-timeout=PT12M on a machine shared with other builds.
    Duration startup = Duration.parse(System.getProperty("rehabnet.e2e.startup-timeout", "PT8M"));
    ready.add(CompletableFuture.runAsync(() -> keycloak.awaitReady(startup)));
    started.forEach(p -> ready.add(CompletableFuture.runAsync(() -> p.awaitHealthy(startup))));
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    gateway = new ApiClient("http://localhost:" + gatewayPort);
    // The portal reads Keycloak's discovery document at start, so it starts once Keycloak answers.
    ManagedProcess portal = startPortal("portal", portalPort, Map.of());
    services.put("portal", portal);
    portal.awaitHealthy(Duration.ofMinutes(4));
  }

  /** The staff portal as users reach it, on its own free port. */
  String portalUrl() {
    return "http://localhost:" + portalPort;
  }

  /**
   * A second portal whose idle logoff comes after 20 s (warning 10 s before) and whose census polls
   * every 5 s, for the idle-logoff journey: the same jar, only the timing differs.
   */
  synchronized String idlePortalUrl() {
    if (idlePortal == null) {
      idlePortal = startPortal("portal-idle", idlePortalPort, Map.of("REHABNET_PORTAL_IDLE_TIMEOUT", "20s",
          "REHABNET_PORTAL_IDLE_WARNING", "10s", "REHABNET_PORTAL_CENSUS_POLL", "5s"));
      services.put("portal-idle", idlePortal);
      idlePortal.awaitHealthy(Duration.ofMinutes(4));
    }
    return "http://localhost:" + idlePortalPort;
  }

  private ManagedProcess startPortal(String name, int port, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("REHABNET_ISSUER_URI", keycloak.issuer());
    env.put("REHABNET_GATEWAY_URI", "http://localhost:" + ports.get("gateway"));
    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.get().kafkaBootstrapServers());
    env.putAll(extra);
    return ManagedProcess.startJar(name, root.resolve("portal/target/portal.jar"), port, env, logs);
  }

  /**
   * Traces to the test's Zipkin server, actuator on its own port, static consumer-group membership
   * under a fixed instance name (so a restarted service takes its partitions back at once).
   */
  private void observed(String name, Map<String, String> env) {
    int managementPort = Ports.free();
    managementPorts.put(name, managementPort);
    env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
    env.put("REHABNET_ZIPKIN_ENDPOINT", ZipkinServer.spansEndpoint(zipkinPort));
    env.put("REHABNET_CONSUMER_INSTANCE_ID", "e2e-1");
  }

  /** Starts (or restarts) one service's jar with its environment. */
  synchronized ManagedProcess startService(String service) {
    ManagedProcess process = ManagedProcess.startJar(service + "-service",
        root.resolve(service + "-service/target/" + service + "-service.jar"), ports.get(service),
        environments.get(service), logs);
    services.put(service, process);
    return process;
  }

  /** The trace backend every process exports to, started on first use (spans sent before are dropped). */
  synchronized ZipkinServer zipkin() {
    if (zipkin == null) {
      zipkin = ZipkinServer.start(zipkinPort, logs).awaitReady(Duration.ofMinutes(4));
    }
    return zipkin;
  }

  static PlatformUnderTest get() {
    PlatformUnderTest local = instance;
    if (local == null) {
      synchronized (PlatformUnderTest.class) {
        local = instance;
        if (local == null) {
          local = new PlatformUnderTest();
          instance = local;
        }
      }
    }
    return local;
  }

  String token(String username) {
    return keycloak.passwordToken(username, PASSWORD);
  }
}
