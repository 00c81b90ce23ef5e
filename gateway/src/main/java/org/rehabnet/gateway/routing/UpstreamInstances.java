package org.rehabnet.gateway.routing;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The instance list of each load-balanced service, built in that service's own load-balancer
 * context (so deliberately not a {@code @Configuration} that component scanning would pick up).
 * One instance is used as it is, as a plain URL route would be: checking it would only turn a
 * refused connection into "no instance". Several are health-checked on their {@code /readyz}
 * ({@code spring.cloud.loadbalancer.health-check.*}): one that stops answering ready is out of the
 * rotation from the next check, and back in from the first check it passes.
 */
class UpstreamInstances {

  @Bean
  ServiceInstanceListSupplier serviceInstances(Environment environment, ConfigurableApplicationContext context) {
    String service = LoadBalancerClientFactory.getName(environment);
    Upstreams upstreams = Upstreams.of(service, environment.getRequiredProperty("rehabnet.routes." + service));
    if (upstreams.size() == 1) {
      return upstreams;
    }
    return ServiceInstanceListSupplier.builder().withBase(upstreams).withHealthChecks(healthChecks()).build(context);
  }

  /** Its own client with short timeouts: a check must fail fast, not wait out the upstream timeout. */
  private static WebClient healthChecks() {
    HttpClient client = HttpClient.create()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1_000)
        .responseTimeout(Duration.ofSeconds(1));
    return WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
  }
}
