package org.rehabnet.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dev realm with the portal client pointed at the test's portals (free ports instead of 8090):
 * Keycloak accepts no wildcard port in a redirect URI, so the test writes the ports it chose.
 */
final class PortalRealm {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PortalRealm() {}

  static Path forPorts(Path realmFile, Path dir, int portalPort, int idlePortalPort) {
    try {
      ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(realmFile));
      for (JsonNode client : realm.get("clients")) {
        if (!client.get("clientId").asString().equals("rehabnet-portal")) {
          continue;
        }
        ObjectNode portal = (ObjectNode) client;
        String main = "http://localhost:" + portalPort;
        String idle = "http://localhost:" + idlePortalPort;
        portal.put("rootUrl", main);
        ArrayNode redirects = portal.putArray("redirectUris");
        redirects.add(main + "/*");
        redirects.add(idle + "/*");
        ArrayNode origins = portal.putArray("webOrigins");
        origins.add(main);
        origins.add(idle);
        ObjectNode attributes = (ObjectNode) portal.get("attributes");
        attributes.put("post.logout.redirect.uris", main + "/*##" + idle + "/*");
        attributes.put("backchannel.logout.url", main + "/logout/connect/back-channel/keycloak");
      }
      Files.createDirectories(dir);
      Path patched = dir.resolve("rehabnet-realm-e2e.json");
      Files.writeString(patched, JSON.writeValueAsString(realm));
      return patched;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
