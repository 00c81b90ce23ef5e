package org.rehabnet.test.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rehabnet.test.process.ManagedProcess;
import org.rehabnet.test.process.Ports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Keycloak for end-to-end tests: the keycloak-quarkus-dist from Maven Central (unpacked by the
 * build, see e2e-tests/pom.xml), started in dev mode with the rehabnet realm imported on free ports,
 * with a fresh database each time.
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String HOME_PROPERTY = "rehabnet.keycloak.home";
  public static final String REALM = "rehabnet";
  private static final String ADMIN_PASSWORD = "admin-test";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ManagedProcess process;
  private final int port;

  private KeycloakServer(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Keycloak from the dist named by the {@value #HOME_PROPERTY} system property. */
  public static KeycloakServer start(Path realmFile, Path logDir) {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null) {
      throw new IllegalStateException("Set -D" + HOME_PROPERTY + " to an unpacked keycloak-quarkus-dist");
    }
    return start(Path.of(home), realmFile, logDir);
  }

  public static KeycloakServer start(Path home, Path realmFile, Path logDir) {
    int port = Ports.free();
    int managementPort = Ports.free();
    try {
      Path data = home.resolve("data");
      deleteRecursively(data.resolve("h2"));
      Files.createDirectories(data.resolve("import"));
      Files.copy(realmFile, data.resolve("import").resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare Keycloak at " + home, e);
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // Two cores: keep Keycloak's heap modest so the services and the test JVM fit beside it.
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
        "--http-port=" + port,
        "--http-management-port=" + managementPort,
        "--hostname=http://localhost:" + port,
        "--health-enabled=true",
        "--import-realm",
        "--cache=local");
    ManagedProcess process = ManagedProcess.start("keycloak", command, env,
        URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), logDir);
    return new KeycloakServer(process, port);
  }

  public KeycloakServer awaitReady(Duration timeout) {
    process.awaitHealthy(timeout);
    return this;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The issuer in the tokens: what every resource server must be configured with. */
  public String issuer() {
    return baseUrl() + "/realms/" + REALM;
  }

  public String jwkSetUri() {
    return issuer() + "/protocol/openid-connect/certs";
  }

  public String tokenEndpoint() {
    return issuer() + "/protocol/openid-connect/token";
  }

  /** A staff member's access token via the dev realm's public CLI client (password grant). */
  public String passwordToken(String username, String password) {
    return token(Map.of("grant_type", "password", "client_id", "rehabnet-cli",
        "username", username, "password", password));
  }

  /** The whole token response of a password grant (access, refresh and, with scope openid, ID token). */
  public JsonNode passwordGrant(String username, String password, String scope) {
    return tokenResponse(Map.of("grant_type", "password", "client_id", "rehabnet-cli",
        "username", username, "password", password, "scope", scope));
  }

  /** An access token of the master realm's admin: valid, but from another realm and issuer. */
  public String masterAdminToken() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
            + ADMIN_PASSWORD))
        .build();
    return send(request).get("access_token").asString();
  }

  /** A partner client's access token (client-credentials grant). */
  public String clientCredentialsToken(String clientId, String secret) {
    return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  private String token(Map<String, String> form) {
    return tokenResponse(form).get("access_token").asString();
  }

  private JsonNode tokenResponse(Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return send(request);
  }

  private static JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.close();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
