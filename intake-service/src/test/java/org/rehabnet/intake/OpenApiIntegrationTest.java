package org.rehabnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI document lists every intake endpoint with its error responses. */
@RehabnetIntegrationTest(database = "intake")
class OpenApiIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void theOpenApiDocumentDescribesEveryEndpointAndItsProblems() {
    var response = new ApiClient("http://localhost:" + port).get("/v3/api-docs", null);

    assertThat(response.status()).isEqualTo(200);
    JsonNode paths = response.json().get("paths");
    assertThat(paths.propertyNames()).contains("/v1/patients", "/v1/patients/{patientId}",
        "/v1/patients/{patientId}/consents", "/v1/patients/{patientId}/consents/{consentId}/revocation",
        "/v1/referrals", "/v1/referrals/{referralId}", "/v1/referrals/{referralId}/screening",
        "/v1/referrals/{referralId}/acceptance", "/v1/referrals/{referralId}/decline",
        "/v1/referrals/{referralId}/withdrawal", "/v1/referrals/{referralId}/assessment",
        "/v1/referrals/{referralId}/assessment/length-override", "/v1/sites/{site}/waiting-list",
        "/v1/sites/{site}/beds", "/v1/sites/{site}/capacity", "/v1/admissions", "/v1/admissions/{admissionId}",
        "/v1/sites", "/v1/sites/{site}/beds/{bedCode}/out-of-service", "/v1/sites/{site}/beds/{bedCode}/in-service",
        "/v1/sites/{site}/settings", "/v1/sites/{site}/settings/history", "/v1/sites/{site}/safety-alerts",
        "/v1/safety-alerts/{alertId}/acknowledgement");
    assertThat(paths.get("/v1/sites/{site}/settings").get("put").get("responses").propertyNames())
        .contains("200", "400", "403", "404", "412");
    assertThat(paths.get("/v1/patients").get("get").get("responses").propertyNames()).contains("200", "400", "403");
    assertThat(paths.get("/v1/patients/{patientId}").get("put").get("responses").propertyNames())
        .contains("200", "400", "403", "404", "409", "412");
    assertThat(paths.get("/v1/sites/{site}/beds/{bedCode}/out-of-service").get("post").get("responses")
        .propertyNames()).contains("200", "400", "403", "404", "409");
    assertThat(paths.get("/v1/admissions").get("post").get("responses").propertyNames())
        .contains("201", "400", "403", "404", "409", "422");
  }
}
