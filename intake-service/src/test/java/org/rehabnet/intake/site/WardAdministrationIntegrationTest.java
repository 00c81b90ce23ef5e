package org.rehabnet.intake.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A site admin shapes the site's wards and beds: a new ward with beds that admissions then take, a
 * rename audited with its old and new value, and what stays refused (another site, an occupied bed,
 * a code in use, a nurse).
 */
@RehabnetIntegrationTest(database = "intake")
class WardAdministrationIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  String site;
  String admin;

  @BeforeEach
  void site() {
    intake = new IntakeFixtures(port);
    site = IntakeFixtures.newSite(1);
    admin = intake.staff("site-admin", site);
  }

  @Test
  void aNewWardsBedsAreOnTheBedBoardAndTakeAdmissions() {
    ApiResponse ward = intake.api.post("/v1/sites/" + site + "/wards", admin, Map.of("code", "C", "name", "Ward C"));
    assertThat(ward.status()).as(ward.body()).isEqualTo(201);
    assertThat(ward.header("location")).isEqualTo("/v1/sites/" + site + "/wards/C");
    for (String bed : new String[] {"C-01", "C-02"}) {
      ApiResponse added = intake.api.post("/v1/sites/" + site + "/wards/C/beds", admin, Map.of("code", bed));
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      assertThat(added.json().get("status").asString()).isEqualTo("FREE");
    }

    JsonNode wards = intake.api.get("/v1/sites/" + site + "/wards", intake.staff("nurse", site)).json();
    assertThat(wards.valueStream().map(w -> w.get("code").asString() + " " + w.get("name").asString() + " "
        + w.get("beds").asInt() + "/" + w.get("free").asInt())).containsExactly("C Ward C 2/2", "W Ward W 1/1");
    String coordinator = intake.staff("intake-coordinator", site);
    assertThat(intake.admit(intake.acceptedAndAssessedReferral(site), coordinator).json().get("bed").asString())
        .isEqualTo("C-01");
    assertThat(strings("SELECT action || ' ' || resource_type || ' ' || reason FROM audit_event WHERE site = '" + site
        + "' AND resource_type IN ('Ward', 'Bed') ORDER BY occurred_at"))
        .containsExactly("CREATE Ward ward added: C (Ward C)", "CREATE Bed bed added: C-01 on ward C",
            "CREATE Bed bed added: C-02 on ward C");
  }

  @Test
  void aRenameIsAuditedWithTheOldAndNewValueAndAnOccupiedBedKeepsItsCode() {
    ApiResponse renamedWard = send("PUT", "/v1/sites/" + site + "/wards/W", admin, Map.of("name", "Detox west"));
    assertThat(renamedWard.status()).as(renamedWard.body()).isEqualTo(200);
    assertThat(renamedWard.json().get("name").asString()).isEqualTo("Detox west");

    ApiResponse renamedBed = intake.api.post("/v1/sites/" + site + "/beds/W-1/rename", admin, Map.of("code", "W-01"));
    assertThat(renamedBed.status()).as(renamedBed.body()).isEqualTo(200);
    assertThat(renamedBed.json().get("code").asString()).isEqualTo("W-01");
    assertThat(strings("SELECT reason FROM audit_event WHERE site = '" + site + "' AND action = 'UPDATE'"
        + " AND resource_type IN ('Ward', 'Bed') ORDER BY occurred_at"))
        .containsExactly("ward renamed: Ward W -> Detox west", "bed renamed: W-1 -> W-01");

    intake.admit(intake.acceptedAndAssessedReferral(site), intake.staff("intake-coordinator", site));
    ApiResponse occupied = intake.api.post("/v1/sites/" + site + "/beds/W-01/rename", admin, Map.of("code", "W-9"));
    assertThat(occupied.status()).isEqualTo(409);
    assertThat(occupied.json().get("rule").asString()).isEqualTo("bed-occupied");
    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND code = 'W-01'")).isEqualTo(1);
  }

  @Test
  void aCodeInUseIsAConflictAndBadInputIsRefusedNamingTheFieldWithNothingStored() {
    intake.api.post("/v1/sites/" + site + "/wards/W/beds", admin, Map.of("code", "W-2"));
    long before = count("SELECT (SELECT count(*) FROM ward) + (SELECT count(*) FROM bed)");

    ApiResponse wardTaken = intake.api.post("/v1/sites/" + site + "/wards", admin, Map.of("code", "W", "name", "Again"));
    ApiResponse bedTaken = intake.api.post("/v1/sites/" + site + "/wards/W/beds", admin, Map.of("code", "W-1"));
    ApiResponse renameTaken = intake.api.post("/v1/sites/" + site + "/beds/W-2/rename", admin, Map.of("code", "W-1"));
    ApiResponse badCode = intake.api.post("/v1/sites/" + site + "/wards", admin, Map.of("code", "C D", "name", "x"));
    ApiResponse noName = intake.api.post("/v1/sites/" + site + "/wards", admin, Map.of("code", "D", "name", " "));
    ApiResponse unknownWard = intake.api.post("/v1/sites/" + site + "/wards/Z/beds", admin, Map.of("code", "Z-1"));

    assertThat(wardTaken.json().get("rule").asString()).isEqualTo("ward-exists");
    assertThat(bedTaken.json().get("rule").asString()).isEqualTo("bed-code-taken");
    assertThat(renameTaken.json().get("rule").asString()).isEqualTo("bed-code-taken");
    assertThat(java.util.List.of(wardTaken.status(), bedTaken.status(), renameTaken.status())).containsOnly(409);
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.body()).contains("code");
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.body()).contains("name");
    assertThat(unknownWard.status()).isEqualTo(404);
    assertThat(count("SELECT (SELECT count(*) FROM ward) + (SELECT count(*) FROM bed)")).isEqualTo(before);
  }

  @Test
  void onlyTheSitesAdminChangesItAndAnotherSiteLooksUnknown() {
    String other = IntakeFixtures.newSite(1);
    Map<String, String> ward = Map.of("code", "N", "name", "New");

    ApiResponse nurse = intake.api.post("/v1/sites/" + site + "/wards", intake.staff("nurse", site), ward);
    ApiResponse foreign = intake.api.post("/v1/sites/" + site + "/wards", intake.staff("site-admin", other), ward);
    ApiResponse foreignRead = intake.api.get("/v1/sites/" + site + "/wards", intake.staff("nurse", other));
    ApiResponse unknown = intake.api.post("/v1/sites/no-such-site/wards", admin, ward);

    assertThat(nurse.status()).isEqualTo(403);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreignRead.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(foreign.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString()
        .replace("no-such-site", site));
    assertThat(count("SELECT count(*) FROM ward WHERE site = '" + site + "'")).isEqualTo(1);
  }

  private ApiResponse send(String method, String path, String token, Object body) {
    return intake.api.send(method, path, token, ApiClient.json(body), Map.of());
  }
}
