package org.rehabnet.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every {@code lb://<service>} route takes its instances from {@link UpstreamInstances}. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = UpstreamInstances.class)
class RoutingConfig {}
