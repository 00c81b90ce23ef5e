package org.rehabnet.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The CloudNativePG and Keycloak operator resources, as far as RehabNet uses them. Neither project
 * publishes a Java model on Maven Central, so these records are the allowed fields, named as in the
 * operators' CRDs (CloudNativePG 1.27 {@code postgresql.cnpg.io/v1}, Barman Cloud plugin
 * {@code barmancloud.cnpg.io/v1}, Keycloak 26 {@code k8s.keycloak.org/v2beta1}). A field the model does
 * not know fails the check: using a new operator field is a deliberate change here, and a misspelt one
 * (which the operator would silently drop, or refuse at apply time) never reaches a cluster.
 */
final class OperatorResources {

  /** A key of a Secret created out of band: the only way a credential enters a manifest. */
  record SecretKey(String name, String key) {}

  record LocalName(String name) {}

  // --- CloudNativePG -----------------------------------------------------------------------------

  record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {}

  record ClusterSpec(int instances, @Nullable String imageName, @Nullable String primaryUpdateStrategy,
      @Nullable Bootstrap bootstrap, @Nullable Postgresql postgresql, Storage storage, @Nullable ClusterAffinity affinity,
      @Nullable ResourceRequirements resources, @Nullable List<ClusterPlugin> plugins) {}

  record Bootstrap(InitDb initdb) {}

  /** The operator generates the owner's password into {@code <cluster>-app} unless {@code secret} names one. */
  record InitDb(String database, String owner, @Nullable String encoding, @Nullable LocalName secret) {}

  record Postgresql(Map<String, String> parameters) {}

  record Storage(String size, @Nullable String storageClass) {}

  record ClusterAffinity(@Nullable Boolean enablePodAntiAffinity, @Nullable String topologyKey,
      @Nullable String podAntiAffinityType) {}

  record ClusterPlugin(String name, @Nullable Boolean isWALArchiver, @Nullable Map<String, String> parameters) {}

  record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {}

  record ScheduledBackupSpec(String schedule, LocalName cluster, @Nullable String backupOwnerReference,
      @Nullable Boolean immediate, @Nullable String method, @Nullable LocalName pluginConfiguration) {}

  record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec) {}

  record ObjectStoreSpec(@Nullable String retentionPolicy, BarmanConfiguration configuration) {}

  record BarmanConfiguration(String destinationPath, S3Credentials s3Credentials, @Nullable Compression wal,
      @Nullable Compression data) {}

  record S3Credentials(SecretKey accessKeyId, SecretKey secretAccessKey) {}

  record Compression(String compression) {}

  // --- Keycloak operator -------------------------------------------------------------------------

  record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {}

  record KeycloakSpec(int instances, @Nullable String image, KeycloakDatabase db, KeycloakHttp http,
      KeycloakHostname hostname, @Nullable KeycloakProxy proxy, @Nullable KeycloakIngress ingress,
      @Nullable Enabled networkPolicy, @Nullable BootstrapAdmin bootstrapAdmin, @Nullable ResourceRequirements resources,
      @Nullable KeycloakScheduling scheduling) {}

  record KeycloakDatabase(String vendor, String host, @Nullable Integer port, String database, SecretKey usernameSecret,
      SecretKey passwordSecret) {}

  record KeycloakHttp(@Nullable Boolean httpEnabled, @Nullable Integer httpPort, @Nullable Integer httpsPort,
      @Nullable String tlsSecret) {}

  record KeycloakHostname(String hostname, @Nullable String admin, @Nullable Boolean strict,
      @Nullable Boolean backchannelDynamic) {}

  record KeycloakProxy(String headers) {}

  record KeycloakIngress(boolean enabled, @Nullable String className, @Nullable Map<String, String> annotations,
      @Nullable String tlsSecret) {}

  record Enabled(boolean enabled) {}

  record BootstrapAdmin(BootstrapUser user) {}

  /** The name of a Secret (keys username, password) made out of band. */
  record BootstrapUser(String secret) {}

  record KeycloakScheduling(@Nullable List<TopologySpreadConstraint> topologySpreadConstraints) {}

  record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, RealmImportSpec spec) {}

  /** The realm itself stays a tree: RealmImportTest holds it to the development realm. */
  record RealmImportSpec(String keycloakCRName, @Nullable Map<String, Placeholder> placeholders,
      Map<String, Object> realm) {}

  record Placeholder(SecretKey secret) {}

  private OperatorResources() {}
}
