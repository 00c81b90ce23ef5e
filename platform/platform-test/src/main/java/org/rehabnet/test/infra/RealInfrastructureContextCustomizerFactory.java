package org.rehabnet.test.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points a {@link RehabnetIntegrationTest} at the shared infrastructure. Registered in
 * spring.factories, so test classes need nothing but the annotation.
 */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    var annotation = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
        .get(RehabnetIntegrationTest.class);
    return annotation.isPresent() ? new Customizer(annotation.getString("database")) : null;
  }

  private record Customizer(String database) implements ContextCustomizer {

    @Override
    public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
        org.springframework.test.context.MergedContextConfiguration mergedConfig) {
      SharedInfrastructure infrastructure = SharedInfrastructure.get();
      DatabaseCoordinates db = infrastructure.postgres().database(database);
      TestIdentityProvider idp = TestIdentityProvider.get();
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", db.jdbcUrl());
      properties.put("spring.datasource.username", db.username());
      properties.put("spring.datasource.password", db.password());
      // zonky stops PostgreSQL in its own shutdown hook; a long Hikari timeout then stalls each context.
      properties.put("spring.datasource.hikari.connection-timeout", "2000");
      properties.put("spring.datasource.hikari.maximum-pool-size", "5");
      properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
      properties.put("rehabnet.security.issuer-uri", idp.issuer());
      properties.put("rehabnet.security.jwk-set-uri", idp.jwkSetUri());
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("rehabnetTestInfrastructure", properties));
    }
  }
}
