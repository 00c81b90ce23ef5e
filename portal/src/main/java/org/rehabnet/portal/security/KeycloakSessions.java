package org.rehabnet.portal.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends a user's Keycloak session from the server, with the refresh token (OIDC end-session endpoint,
 * back channel). Used by the idle logoff, where no browser redirect is possible (the request that finds
 * the session idle is often a background poll), so that Keycloak's SSO cookie cannot sign the user
 * straight back in.
 */
@Component
class KeycloakSessions {

  private static final Logger log = LoggerFactory.getLogger(KeycloakSessions.class);
  private final RestClient http;

  KeycloakSessions() {
    var factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(Duration.ofSeconds(2));
    factory.setReadTimeout(Duration.ofSeconds(5));
    this.http = RestClient.builder().requestFactory(new BufferingClientHttpRequestFactory(factory)).build();
  }

  void end(OAuth2AuthorizedClient client) {
    var registration = client.getClientRegistration();
    Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    if (endpoint == null || client.getRefreshToken() == null) {
      return;
    }
    var form = new LinkedMultiValueMap<String, String>();
    form.add("client_id", registration.getClientId());
    form.add("client_secret", registration.getClientSecret());
    form.add("refresh_token", client.getRefreshToken().getTokenValue());
    try {
      http.post().uri(endpoint.toString()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
          .retrieve().toBodilessEntity();
    } catch (RestClientException e) {
      // The portal session ends anyway; Keycloak's own idle timeout ends its session later.
      log.warn("Could not end the Keycloak session at idle logoff: {}", e.getClass().getSimpleName());
    }
  }
}
