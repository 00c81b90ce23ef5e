package org.rehabnet.portal.security;

import java.net.URI;
import org.rehabnet.portal.PortalProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The portal's one security chain: OAuth2 login with Keycloak (authorization code with PKCE S256,
 * which the Keycloak client enforces too), the session as the browser's only credential (HttpOnly,
 * SameSite=Lax cookie; the tokens stay on the server), CSRF on every form and htmx request, a strict
 * CSP, RP-initiated and back-channel logout, and the idle logoff.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  static final String REGISTRATION = "keycloak";

  @Bean
  SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository clients,
      IdleLogoff idleLogoff) throws Exception {
    var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
    // A confidential client need not send PKCE by default; Keycloak refuses a code request without S256.
    authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

    var endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(clients);
    endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/signed-out");

    // Keycloak's origin (its login and end-session endpoints live there).
    String keycloak = origin(clients.findByRegistrationId(REGISTRATION).getProviderDetails().getAuthorizationUri());
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/signed-out", "/error",
                "/actuator/health", "/actuator/health/**", "/livez", "/readyz").permitAll()
            .anyRequest().authenticated())
        .oauth2Login(login -> login
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new RealmRoles()))
            .defaultSuccessUrl("/", false))
        .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession))
        // Keycloak tells the portal when the user's Keycloak session ends elsewhere (admin, another client).
        .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                // The logout form's POST is redirected to Keycloak's end-session endpoint.
                + "form-action 'self' " + keycloak + "; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.deny()))
        .addFilterAfter(idleLogoff, AuthorizationFilter.class);
    return http.build();
  }

  /**
   * The user's tokens live in their HTTP session (not a process-wide map keyed by user name): they end
   * with the session, and two browsers of one user never share them.
   */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  /** Gives the gateway calls the user's token, refreshing it with the refresh token when it has expired. */
  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository clients,
      OAuth2AuthorizedClientRepository authorizedClients) {
    var manager = new DefaultOAuth2AuthorizedClientManager(clients, authorizedClients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .authorizationCode().refreshToken().build());
    return manager;
  }

  @Bean
  IdleLogoff idleLogoff(PortalProperties properties, java.time.Clock clock, KeycloakSessions keycloakSessions,
      OAuth2AuthorizedClientRepository authorizedClients) {
    return new IdleLogoff(properties.idleTimeout(), clock, keycloakSessions, authorizedClients);
  }

  private static String origin(String issuer) {
    URI uri = URI.create(issuer);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
