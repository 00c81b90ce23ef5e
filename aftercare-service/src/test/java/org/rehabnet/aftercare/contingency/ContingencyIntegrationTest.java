package org.rehabnet.aftercare.contingency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;

@AftercareIntegrationTest
class ContingencyIntegrationTest {

  @LocalServerPort
  int port;

  ApiClient api;
  final String counsellor = TestIdentityProvider.get().staff("counsellor-north", List.of("counsellor"),
      List.of("north"));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @Test
  void theLedgerEscalatesResetsAndRefusesToRedeemMoreThanTheBalance() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now());
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    behaviour(planId, "NEGATIVE_SCREEN", today);
    behaviour(planId, "ATTENDED_SESSION", today);
    ApiResponse afterReset = behaviour(planId, "POSITIVE_SCREEN", today);
    assertThat(afterReset.json().get("earnedCents").asInt()).isEqualTo(250 + 375);
    assertThat(afterReset.json().get("streak").asInt()).isZero();
    assertThat(afterReset.json().get("nextRewardCents").asInt()).isEqualTo(250);

    ApiResponse tooMuch = api.post("/v1/plans/" + planId + "/contingency/redemptions", counsellor,
        Map.of("amountCents", 626));
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().get("rule").asString()).isEqualTo("redeem-within-balance");
    ApiResponse redeemed = api.post("/v1/plans/" + planId + "/contingency/redemptions", counsellor,
        Map.of("amountCents", 625));
    assertThat(redeemed.status()).isEqualTo(200);
    assertThat(redeemed.json().get("balanceCents").asInt()).isZero();
    assertThat(count("SELECT count(*) FROM contingency_entry WHERE contingency_ledger = '" + planId + "'"))
        .isEqualTo(4);
  }

  private ApiResponse behaviour(UUID planId, String behaviour, String on) {
    ApiResponse response = api.post("/v1/plans/" + planId + "/contingency/behaviours", counsellor,
        Map.of("behaviour", behaviour, "on", on));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response;
  }
}
