package org.rehabnet.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.WindowPolicy;
import org.rehabnet.platform.web.paging.Windowed;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
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

  /** A windowed list documents the request parameters the platform reads for it, not a "window" object. */
  @Bean
  OperationCustomizer windowedReadParameters() {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Window.class);
    return (operation, handler) -> {
      Arrays.stream(handler.getMethodParameters()).map(p -> p.getParameterAnnotation(Windowed.class))
          .filter(java.util.Objects::nonNull).findFirst().ifPresent(windowed -> {
            operation.addParametersItem(query("from", new StringSchema().format("date-time"),
                "Window start (inclusive); default: " + windowed.defaultSpan() + " before to"));
            operation.addParametersItem(query("to", new StringSchema().format("date-time"),
                "Window end (inclusive); default: now. At most " + windowed.maxSpan() + " after from"));
            operation.addParametersItem(query("limit", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(WindowPolicy.MAX_LIMIT))._default(WindowPolicy.DEFAULT_LIMIT),
                "Rows per page"));
            operation.addParametersItem(query("cursor", new StringSchema(),
                "Opaque; from the previous answer's Link rel=\"next\""));
          });
      return operation;
    };
  }

  private static Parameter query(String name, io.swagger.v3.oas.models.media.Schema<?> schema, String description) {
    return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
  }
}
