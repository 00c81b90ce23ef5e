package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rehabnet.deploy.OperatorResources.CnpgCluster;
import org.rehabnet.deploy.OperatorResources.ObjectStore;
import org.rehabnet.deploy.OperatorResources.ScheduledBackup;

/** Production PostgreSQL: one CloudNativePG Cluster per database, each with a standby and nightly backups. */
class DatabasesTest {

  private final ManifestCheck production =
      ManifestCheck.of(ManifestCheck.OVERLAYS.resolve("production"), DeploymentRules.Environment.PRODUCTION);

  @Test
  void everyServiceAndKeycloakHasItsOwnDatabaseWithAStandby() {
    List<CnpgCluster> clusters = production.all(CnpgCluster.class);

    assertThat(clusters).extracting(c -> c.spec().bootstrap().initdb().database())
        .containsExactlyInAnyOrder("intake", "monitoring", "aftercare", "keycloak");
    assertThat(clusters).allSatisfy(c -> assertThat(c.spec().instances()).as(c.metadata().getName()).isGreaterThanOrEqualTo(2));
  }

  @Test
  void everyDatabaseArchivesItsWalAndIsBackedUpNightly() {
    List<String> stores = production.all(ObjectStore.class).stream().map(s -> s.metadata().getName()).toList();
    List<String> backedUp = production.all(ScheduledBackup.class).stream().map(b -> b.spec().cluster().name()).toList();

    assertThat(production.all(CnpgCluster.class)).allSatisfy(cluster -> {
      String name = cluster.metadata().getName();
      assertThat(backedUp).as(name + " has a ScheduledBackup").contains(name);
      assertThat(cluster.spec().plugins()).as(name + " archives WAL").anySatisfy(plugin -> {
        assertThat(plugin.isWALArchiver()).isTrue();
        assertThat(stores).contains(plugin.parameters().get("barmanObjectName"));
      });
    });
  }
}
