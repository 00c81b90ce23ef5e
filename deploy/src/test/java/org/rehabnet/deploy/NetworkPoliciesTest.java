package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who may talk to whom, as the platform's security model says (docs/security.md): only the ingress
 * controller reaches the gateway and the portal; the services are reached only by the gateway and
 * reach only their own database, Kafka and Keycloak (and DNS, which every pod may ask).
 */
class NetworkPoliciesTest {

  private static final String INGRESS_CONTROLLER = "namespace kubernetes.io/metadata.name=ingress-nginx";
  private static final String KAFKA = "pods strimzi.io/cluster=rehabnet-events,strimzi.io/kind=Kafka :9093";
  private static final String KEYCLOAK = "pods app.kubernetes.io/instance=rehabnet-keycloak :8080";
  private static final String DNS = "namespace kubernetes.io/metadata.name=kube-system pods k8s-app=kube-dns :53";

  private final ManifestCheck production =
      ManifestCheck.of(ManifestCheck.OVERLAYS.resolve("production"), DeploymentRules.Environment.PRODUCTION);

  @Test
  void onlyTheIngressControllerReachesTheGatewayAndThePortal() {
    assertThat(ingressFrom("gateway")).containsExactlyInAnyOrder(INGRESS_CONTROLLER + " :http",
        "pods app.kubernetes.io/name=portal :http");
    assertThat(ingressFrom("portal")).containsExactly(INGRESS_CONTROLLER + " :http");
  }

  @Test
  void servicesAreReachedOnlyByTheGatewayAndReachOnlyTheirDatabaseKafkaAndKeycloak() {
    for (String db : List.of("intake", "monitoring", "aftercare")) {
      String service = db + "-service";
      assertThat(ingressFrom(service)).as(service).containsExactly("pods app.kubernetes.io/name=gateway :http");
      assertThat(egressTo(service)).as(service).containsExactlyInAnyOrder(
          "pods cnpg.io/cluster=" + db + "-db :5432", KAFKA, KEYCLOAK, DNS);
    }
  }

  @Test
  void gatewayReachesTheServicesAndKeycloakAndPortalTheGatewayKeycloakAndKafka() {
    assertThat(egressTo("gateway")).containsExactlyInAnyOrder("pods app.kubernetes.io/name=intake-service :8081",
        "pods app.kubernetes.io/name=monitoring-service :8082", "pods app.kubernetes.io/name=aftercare-service :8083",
        KEYCLOAK, DNS);
    // The portal's OIDC client discovers Keycloak at the public issuer, through the ingress controller.
    assertThat(egressTo("portal")).containsExactlyInAnyOrder("pods app.kubernetes.io/name=gateway :8080", KEYCLOAK,
        KAFKA, INGRESS_CONTROLLER + " :443", DNS);
  }

  private Set<String> ingressFrom(String app) {
    return policiesOf(app).stream().filter(p -> p.getSpec().getIngress() != null)
        .flatMap(p -> p.getSpec().getIngress().stream())
        .flatMap(rule -> peers(rule.getFrom(), rule.getPorts()).stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> egressTo(String app) {
    return policiesOf(app).stream().filter(p -> p.getSpec().getEgress() != null)
        .flatMap(p -> p.getSpec().getEgress().stream())
        .flatMap(rule -> peers(rule.getTo(), rule.getPorts()).stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<NetworkPolicy> policiesOf(String app) {
    Map<String, String> podLabels = production.all(Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals(app)).findFirst().orElseThrow()
        .getSpec().getTemplate().getMetadata().getLabels();
    return production.all(NetworkPolicy.class).stream()
        .filter(p -> isAll(p.getSpec().getPodSelector()) || DeploymentRules.selects(p.getSpec().getPodSelector(), podLabels))
        .toList();
  }

  /** One line per peer and port set; a rule without peers reaches "anywhere". */
  private static List<String> peers(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    String portText = ports == null || ports.isEmpty() ? "" : " :" + ports.stream()
        .map(p -> p.getPort().getStrVal() != null ? p.getPort().getStrVal() : String.valueOf(p.getPort().getIntVal()))
        .distinct().collect(Collectors.joining(","));
    if (peers == null || peers.isEmpty()) {
      return List.of("anywhere" + portText);
    }
    return peers.stream().map(peer -> {
      String text = "";
      if (peer.getNamespaceSelector() != null) {
        text += "namespace " + labels(peer.getNamespaceSelector());
      }
      if (peer.getPodSelector() != null) {
        text += (text.isEmpty() ? "" : " ") + "pods " + labels(peer.getPodSelector());
      }
      if (peer.getIpBlock() != null) {
        text += "ip " + peer.getIpBlock().getCidr();
      }
      return text + portText;
    }).toList();
  }

  private static String labels(LabelSelector selector) {
    return new TreeMap<>(Objects.requireNonNullElse(selector.getMatchLabels(), Map.of())).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  private static boolean isAll(LabelSelector selector) {
    return selector == null || Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()).isEmpty();
  }
}
