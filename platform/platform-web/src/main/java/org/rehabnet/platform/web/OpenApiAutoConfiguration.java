package org.rehabnet.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The OpenAPI document's frame: title, and bearer tokens from the rehabnet Keycloak realm. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

  @Bean
  OpenAPI rehabnetOpenApi(@Value("${spring.application.name}") String application,
      @Value("${rehabnet.security.issuer-uri}") String issuer) {
    return new OpenAPI()
        .info(new Info().title("RehabNet " + application).version("v1")
            .description("Errors are RFC 9457 application/problem+json with a type URI under "
                + "https://rehabnet.example/problems/. Staff of another site get 404 for its patients."))
        .components(new Components().addSecuritySchemes("keycloak", new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
            .description("Access token from " + issuer + " with audience rehabnet-api")));
  }
}
