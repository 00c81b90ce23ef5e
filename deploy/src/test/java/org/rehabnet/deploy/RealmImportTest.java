package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production realm (KeycloakRealmImport in deploy/k8s/base/keycloak) is the development realm
 * deploy/keycloak/rehabnet-realm.json without what exists only for development. A role, scope, token
 * lifetime or password policy changed in one and not the other fails here.
 */
class RealmImportTest {

  /** What the production realm differs in, on purpose. */
  private static final Set<String> DEV_ONLY = Set.of("users", "clients", "displayName");

  /** The portal client's fields that name hosts or hold the secret. */
  private static final Set<String> PORTAL_PER_ENVIRONMENT =
      Set.of("secret", "rootUrl", "redirectUris", "webOrigins", "attributes", "description");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode dev;
  private static OperatorResources.KeycloakRealmImport realmImport;
  private static JsonNode production;

  @BeforeAll
  static void readBothRealms() throws Exception {
    dev = JSON.readTree(Files.readString(ManifestCheck.REPOSITORY.resolve("deploy/keycloak/rehabnet-realm.json")));
    ManifestCheck check = ManifestCheck.of(ManifestCheck.OVERLAYS.resolve("production"), DeploymentRules.Environment.PRODUCTION);
    realmImport = check.all(OperatorResources.KeycloakRealmImport.class).getFirst();
    production = JSON.valueToTree(realmImport.spec().realm());
  }

  @Test
  void productionRealmHasNoDevUsersAndOnlyThePortalClient() {
    assertThat(production.has("users")).isFalse();
    assertThat(production.path("clients").valueStream().map(c -> c.path("clientId").asString()))
        .containsExactly("rehabnet-portal");
    assertThat(production.path("clients").valueStream())
        .noneMatch(c -> c.path("directAccessGrantsEnabled").asBoolean(false));
  }

  @Test
  void productionRealmKeepsEverySettingOfTheDevRealm() {
    for (String field : dev.propertyNames()) {
      if (!DEV_ONLY.contains(field)) {
        assertThat(production.get(field)).as("realm field " + field).isEqualTo(dev.get(field));
      }
    }
    assertThat(production.propertyNames()).allMatch(field -> dev.has(field) || DEV_ONLY.contains(field));
  }

  @Test
  void portalClientTakesItsSecretFromASecretAndNamesOnlyHttpsHosts() {
    ObjectNode devPortal = (ObjectNode) client(dev, "rehabnet-portal").deepCopy();
    ObjectNode prodPortal = (ObjectNode) client(production, "rehabnet-portal").deepCopy();

    assertThat(prodPortal.path("secret").asString()).isEqualTo("${PORTAL_CLIENT_SECRET}");
    assertThat(realmImport.spec().placeholders()).containsKey("PORTAL_CLIENT_SECRET");
    assertThat(realmImport.spec().placeholders().get("PORTAL_CLIENT_SECRET").secret().name()).isNotBlank();
    assertThat(prodPortal.path("redirectUris").valueStream().map(JsonNode::asString)).allMatch(u -> u.startsWith("https://"));
    assertThat(prodPortal.path("webOrigins").valueStream().map(JsonNode::asString)).allMatch(u -> u.startsWith("https://"));

    devPortal.remove(PORTAL_PER_ENVIRONMENT);
    prodPortal.remove(PORTAL_PER_ENVIRONMENT);
    assertThat(prodPortal).isEqualTo(devPortal);
  }

  @Test
  void realmIsImportedIntoThePlatformsKeycloak() {
    ManifestCheck check = ManifestCheck.of(ManifestCheck.OVERLAYS.resolve("production"), DeploymentRules.Environment.PRODUCTION);
    assertThat(check.all(OperatorResources.Keycloak.class)).extracting(k -> k.metadata().getName())
        .containsExactly(realmImport.spec().keycloakCRName());
  }

  private static JsonNode client(JsonNode realm, String clientId) {
    return realm.path("clients").valueStream().filter(c -> clientId.equals(c.path("clientId").asString())).findFirst()
        .orElseThrow(() -> new AssertionError("no client " + clientId));
  }
}
