package org.rehabnet.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real PostgreSQL: concurrent admissions never share a bed and never overfill a site. */
@RehabnetIntegrationTest(database = "intake")
class ConcurrentAdmissionIntegrationTest {

  private static final int THREADS = 8;
  private static final int BEDS = 3;

  @LocalServerPort
  int port;

  @Test
  void eightSimultaneousAdmissionsForThreeBedsFillEachBedOnceAndRefuseTheRest() throws Exception {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(BEDS);
    String token = intake.staff("intake-coordinator", site);
    List<String> referrals = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      referrals.add(intake.acceptedAndAssessedReferral(site));
    }

    CountDownLatch start = new CountDownLatch(1);
    List<ApiResponse> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<ApiResponse>> futures = new ArrayList<>();
      for (String referral : referrals) {
        futures.add(pool.submit(() -> {
          start.await();
          return intake.admit(referral, token);
        }));
      }
      start.countDown();
      for (Future<ApiResponse> future : futures) {
        responses.add(future.get());
      }
    }

    List<ApiResponse> admitted = responses.stream().filter(r -> r.status() == 201).toList();
    List<ApiResponse> refused = responses.stream().filter(r -> r.status() != 201).toList();
    assertThat(admitted).hasSize(BEDS);
    assertThat(admitted.stream().map(r -> r.json().get("bed").asString()).distinct()).hasSize(BEDS);
    assertThat(refused).hasSize(THREADS - BEDS).allSatisfy(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.json().get("rule").asString()).isEqualTo("site-full");
    });

    assertThat(count("SELECT count(*) FROM admission WHERE site = '" + site + "'")).isEqualTo(BEDS);
    assertThat(strings("SELECT bed FROM admission WHERE site = '" + site + "'")).doesNotHaveDuplicates();
    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND status = 'OCCUPIED'"))
        .isEqualTo(BEDS);
    assertThat(count("SELECT count(*) FROM referral WHERE site = '" + site + "' AND status = 'ADMITTED'"))
        .isEqualTo(BEDS);
    assertThat(count("SELECT count(*) FROM referral WHERE site = '" + site + "' AND status = 'ACCEPTED'"))
        .isEqualTo(THREADS - BEDS);
  }

  @Test
  void fourSimultaneousAdmissionsToTheSameChosenBedGiveItOnceAndRefuseTheRestAsOccupied() throws Exception {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(2);
    String token = intake.staff("intake-coordinator", site);
    List<String> referrals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      referrals.add(intake.acceptedAndAssessedReferral(site));
    }

    CountDownLatch start = new CountDownLatch(1);
    List<ApiResponse> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<ApiResponse>> futures = new ArrayList<>();
      for (String referral : referrals) {
        futures.add(pool.submit(() -> {
          start.await();
          return intake.api.post("/v1/admissions", token, java.util.Map.of("referralId", referral, "bedCode", "W-2"));
        }));
      }
      start.countDown();
      for (Future<ApiResponse> future : futures) {
        responses.add(future.get());
      }
    }

    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.status() != 201)).hasSize(3).allSatisfy(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.json().get("rule").asString()).isEqualTo("bed-occupied");
    });
    assertThat(count("SELECT count(*) FROM admission WHERE site = '" + site + "' AND bed = 'W-2'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND code = 'W-1' AND status = 'FREE'"))
        .isEqualTo(1);
  }
}
