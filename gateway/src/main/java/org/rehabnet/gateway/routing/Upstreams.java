package org.rehabnet.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances of one service as configured: {@code rehabnet.routes.<service>} holds one base URL
 * or several separated by commas ({@code http://10.0.0.5:8082,http://10.0.0.6:8082}). A fixed list,
 * no discovery server: a deployment that has one (Kubernetes) names its Service's one address here.
 */
final class Upstreams implements ServiceInstanceListSupplier {

  private final String service;
  private final List<ServiceInstance> instances;

  private Upstreams(String service, List<ServiceInstance> instances) {
    this.service = service;
    this.instances = List.copyOf(instances);
  }

  static Upstreams of(String service, String urls) {
    List<ServiceInstance> instances = new ArrayList<>();
    for (String part : urls.split(",")) {
      String url = part.trim();
      if (url.isEmpty()) {
        continue;
      }
      URI uri = URI.create(url);
      boolean secure = "https".equals(uri.getScheme());
      if ((!secure && !"http".equals(uri.getScheme())) || uri.getHost() == null
          || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
        throw new IllegalArgumentException("rehabnet.routes." + service + ": not a base URL (http[s]://host:port): "
            + url);
      }
      int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
      instances.add(new DefaultServiceInstance(service + "-" + (instances.size() + 1), service, uri.getHost(), port,
          secure));
    }
    if (instances.isEmpty()) {
      throw new IllegalArgumentException("rehabnet.routes." + service + " names no instance");
    }
    return new Upstreams(service, instances);
  }

  int size() {
    return instances.size();
  }

  @Override
  public String getServiceId() {
    return service;
  }

  @Override
  public Flux<List<ServiceInstance>> get() {
    return Flux.just(instances);
  }
}
