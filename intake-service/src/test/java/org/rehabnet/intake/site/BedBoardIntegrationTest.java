package org.rehabnet.intake.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The bed board: beds out of service and back, and admissions that never take an out-of-service bed. */
@RehabnetIntegrationTest(database = "intake")
class BedBoardIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  String site;

  @BeforeEach
  void site() {
    intake = new IntakeFixtures(port);
    site = IntakeFixtures.newSite(2);
  }

  @Test
  void aFreeBedTakenOutOfServiceShowsSinceWhenAndWhyAndIsAudited() {
    ApiResponse taken = outOfService("W-1", intake.staff("site-admin", site), "broken bed frame");

    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    assertThat(taken.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
    JsonNode board = intake.api.get("/v1/sites/" + site + "/beds", intake.staff("nurse", site)).json();
    JsonNode bed = board.get(0);
    assertThat(bed.get("code").asString()).isEqualTo("W-1");
    assertThat(bed.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
    assertThat(bed.get("outOfServiceReason").asString()).isEqualTo("broken bed frame");
    assertThat(bed.get("outOfServiceSince").asString()).isNotBlank();
    assertThat(board.get(1).get("status").asString()).isEqualTo("FREE");
    assertThat(board.get(1).get("outOfServiceReason").isNull()).isTrue();
    JsonNode capacity = intake.api.get("/v1/sites/" + site + "/capacity", intake.staff("nurse", site)).json();
    assertThat(capacity.get("outOfService").asInt()).isEqualTo(1);
    assertThat(capacity.get("free").asInt()).isEqualTo(1);
    assertThat(strings("SELECT actor || ' ' || action || ' ' || reason FROM audit_event WHERE resource_type = 'Bed'"
        + " AND site = '" + site + "'"))
        .containsExactly("site-admin-" + site + " UPDATE out of service: broken bed frame");
  }

  @Test
  void admissionsNeverTakeABedOutOfServiceAndTakeItAgainOnceItIsBack() {
    String coordinator = intake.staff("intake-coordinator", site);
    assertThat(outOfService("W-1", coordinator, "deep clean").status()).isEqualTo(200);

    ApiResponse first = intake.admit(intake.acceptedAndAssessedReferral(site), coordinator);
    String waiting = intake.acceptedAndAssessedReferral(site);
    ApiResponse full = intake.admit(waiting, coordinator);
    ApiResponse chosenOutOfService = admitTo(waiting, "W-1", coordinator);

    assertThat(first.json().get("bed").asString()).isEqualTo("W-2");
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.json().get("rule").asString()).isEqualTo("site-full");
    assertThat(chosenOutOfService.status()).isEqualTo(409);
    assertThat(chosenOutOfService.json().get("rule").asString()).isEqualTo("bed-out-of-service");
    assertThat(count("SELECT count(*) FROM referral WHERE id = '" + waiting + "' AND status = 'ACCEPTED'"))
        .isEqualTo(1);

    ApiResponse back = intake.api.post("/v1/sites/" + site + "/beds/W-1/in-service", coordinator, "");
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(back.json().get("status").asString()).isEqualTo("FREE");
    assertThat(back.json().get("outOfServiceReason").isNull()).isTrue();
    ApiResponse admitted = admitTo(waiting, "W-1", coordinator);
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    assertThat(admitted.json().get("bed").asString()).isEqualTo("W-1");
  }

  @Test
  void anOccupiedBedCannotGoOutOfServiceAndAFreeOneCannotComeBackIntoService() {
    String coordinator = intake.staff("intake-coordinator", site);
    intake.admit(intake.acceptedAndAssessedReferral(site), coordinator);

    ApiResponse occupied = outOfService("W-1", coordinator, "needs a new mattress");
    ApiResponse alreadyInService = intake.api.post("/v1/sites/" + site + "/beds/W-2/in-service", coordinator, "");
    outOfService("W-2", coordinator, "leaking radiator");
    ApiResponse twice = outOfService("W-2", coordinator, "leaking radiator");

    assertThat(occupied.status()).isEqualTo(409);
    assertThat(occupied.json().get("rule").asString()).isEqualTo("bed-occupied");
    assertThat(alreadyInService.status()).isEqualTo(409);
    assertThat(alreadyInService.json().get("rule").asString()).isEqualTo("bed-in-service");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("rule").asString()).isEqualTo("bed-out-of-service");
    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND code = 'W-1' AND status = 'OCCUPIED'"))
        .isEqualTo(1);
  }

  @Test
  void onlySiteAdminsAndIntakeCoordinatorsOfTheSiteChangeBedsAndBadInputChangesNothing() {
    ApiResponse nurse = outOfService("W-1", intake.staff("nurse", site), "broken");
    ApiResponse physician = outOfService("W-1", intake.staff("physician", site), "broken");
    ApiResponse lead = outOfService("W-1", idp.staff("lead", List.of("clinical-lead"), List.of()), "broken");
    ApiResponse otherSite = outOfService("W-1", intake.staff("site-admin", "south"), "broken");
    ApiResponse noReason = intake.api.post("/v1/sites/" + site + "/beds/W-1/out-of-service",
        intake.staff("site-admin", site), Map.of());
    ApiResponse blankReason = outOfService("W-1", intake.staff("site-admin", site), "  ");
    ApiResponse longReason = outOfService("W-1", intake.staff("site-admin", site), "x".repeat(301));
    ApiResponse unknownBed = outOfService("Z-9", intake.staff("site-admin", site), "broken");

    assertThat(nurse.status()).isEqualTo(403);
    assertThat(physician.status()).isEqualTo(403);
    assertThat(lead.status()).isEqualTo(403);
    assertThat(otherSite.status()).isEqualTo(404);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    assertThat(blankReason.status()).isEqualTo(400);
    assertThat(longReason.status()).isEqualTo(400);
    assertThat(unknownBed.status()).isEqualTo(404);
    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND status = 'FREE'")).isEqualTo(2);
  }

  @Test
  void anAdmissionCanChooseAFreeBedAndATakenOrUnknownOneIsRefused() {
    String coordinator = intake.staff("intake-coordinator", site);
    String first = intake.acceptedAndAssessedReferral(site);
    String second = intake.acceptedAndAssessedReferral(site);

    ApiResponse chosen = admitTo(first, "W-2", coordinator);
    ApiResponse taken = admitTo(second, "W-2", coordinator);
    ApiResponse unknown = admitTo(second, "Z-9", coordinator);
    ApiResponse malformed = admitTo(second, "W 2; DROP", coordinator);

    assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
    assertThat(chosen.json().get("bed").asString()).isEqualTo("W-2");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("rule").asString()).isEqualTo("bed-occupied");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("bedCode");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(count("SELECT count(*) FROM referral WHERE id = '" + second + "' AND status = 'ACCEPTED'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND code = 'W-1' AND status = 'FREE'"))
        .isEqualTo(1);
  }

  @Test
  void staffSeeTheirOwnSitesWithTimeZoneAndOtpAndTheLeadSeesEverySite() {
    JsonNode nurse = intake.api.get("/v1/sites", intake.staff("nurse", "north")).json();
    JsonNode lead = intake.api.get("/v1/sites", idp.staff("lead", List.of("clinical-lead"), List.of())).json();
    ApiResponse partner = intake.api.get("/v1/sites", idp.partner("partner-harbor", "harbor"));

    assertThat(nurse.size()).isEqualTo(1);
    assertThat(nurse.get(0).get("code").asString()).isEqualTo("north");
    assertThat(nurse.get(0).get("name").asString()).isEqualTo("RehabNet North");
    assertThat(nurse.get(0).get("timeZone").asString()).isEqualTo("America/New_York");
    assertThat(nurse.get(0).get("otpCertified").asBoolean()).isTrue();
    assertThat(lead.valueStream().map(s -> s.get("code").asString()).toList()).contains("north", "south", site);
    assertThat(partner.status()).isEqualTo(403);
  }

  @Test
  void aNulCharacterInASiteOrBedCodeIsNotFoundNeverAServerError() {
    String lead = idp.staff("lead", List.of("clinical-lead", "site-admin"), List.of(site));
    for (String path : List.of("/v1/sites/no%00rth/beds", "/v1/sites/no%00rth/capacity",
        "/v1/sites/no%00rth/settings", "/v1/sites/no%00rth/settings/history", "/v1/sites/no%00rth/waiting-list",
        "/v1/sites/no%00rth/safety-alerts")) {
      ApiResponse response = intake.api.get(path, lead);
      assertThat(response.status()).as(path + " " + response.body()).isBetween(400, 404);
    }
    ApiResponse bed = intake.api.post("/v1/sites/" + site + "/beds/W%001/out-of-service", lead,
        Map.of("reason", "broken"));
    assertThat(bed.status()).as(bed.body()).isBetween(400, 404);
  }

  private ApiResponse outOfService(String bed, String token, String reason) {
    return intake.api.post("/v1/sites/" + site + "/beds/" + bed + "/out-of-service", token, Map.of("reason", reason));
  }

  private ApiResponse admitTo(String referralId, String bed, String token) {
    return intake.api.post("/v1/admissions", token, Map.of("referralId", referralId, "bedCode", bed));
  }
}
