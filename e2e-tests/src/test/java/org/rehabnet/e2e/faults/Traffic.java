package org.rehabnet.e2e.faults;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;

/**
 * A steady stream of the platform's three kinds of work while a fault happens: admissions through
 * intake (AdmissionRecorded opens an episode in monitoring), discharges of open episodes in
 * monitoring (PatientDischarged opens an aftercare plan) and relapses with a readmission wish
 * reported on those plans in aftercare (ReadmissionRequested opens a referral in intake). Every
 * request answered 2xx is recorded with its id; a request that fails or is refused during the fault
 * is counted and never retried, so what is recorded is exactly what clients were told happened.
 */
final class Traffic implements AutoCloseable {

  static final String SITE = "north";

  private final FaultPlatform platform;
  private final TestIdentityProvider idp;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  /** Admission id and when its 201 arrived. */
  final Map<UUID, Instant> admissions = new ConcurrentHashMap<>();
  final Set<UUID> discharges = ConcurrentHashMap.newKeySet();
  /** Relapse report id and the readmission request it published. */
  final Map<UUID, UUID> relapses = new ConcurrentHashMap<>();
  private final Set<UUID> triedEpisodes = ConcurrentHashMap.newKeySet();
  private final Set<UUID> triedPlans = ConcurrentHashMap.newKeySet();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger notAnswered2xx = new AtomicInteger();
  /** The first answer other than 2xx per route, to tell a refusal from the fault. */
  final Map<String, String> firstRefusals = new ConcurrentHashMap<>();
  /** Answers 5xx other than 503 (an outage is answered 503 with Retry-After; anything else is a fault). */
  final List<String> serverFaults = java.util.Collections.synchronizedList(new ArrayList<>());

  Traffic(FaultPlatform platform) {
    this.platform = platform;
    this.idp = platform.idp;
  }

  Traffic start() {
    loop("admissions", 150, () -> admitOne());
    loop("discharges", 300, this::dischargeSome);
    loop("relapses", 300, this::relapseSome);
    return this;
  }

  private void loop(String name, long pauseMillis, Runnable step) {
    Thread thread = Thread.ofPlatform().name("traffic-" + name).daemon().start(() -> {
      while (running) {
        try {
          step.run();
        } catch (RuntimeException e) {
          // A service or the database away: the request counts as not answered, the stream goes on.
        }
        sleep(pauseMillis);
      }
    });
    threads.add(thread);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String intakeToken() {
    return idp.staff("intake-faults", List.of("intake-coordinator"), List.of(SITE));
  }

  private ApiResponse call(ApiClient api, String method, String path, String token, Object body) {
    requests.incrementAndGet();
    try {
      ApiResponse response = api.send(method, path, token, body instanceof String s ? s : ApiClient.json(body), Map.of());
      if (response.status() / 100 != 2) {
        notAnswered2xx.incrementAndGet();
        if (response.status() / 100 == 5 && response.status() != 503) {
          serverFaults.add(response.status() + " " + method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}") + " "
              + response.body().substring(0, Math.min(200, response.body().length())));
        }
        firstRefusals.putIfAbsent(method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}"),
            response.status() + " " + response.body().substring(0, Math.min(200, response.body().length())));
      }
      return response;
    } catch (RuntimeException e) {
      notAnswered2xx.incrementAndGet();
      throw e;
    }
  }

  /** Registers, refers, screens, accepts and assesses a person: a referral ready to admit, or null. */
  UUID readyReferral() {
    ApiClient intake = platform.api("intake");
    String token = intakeToken();
    ApiResponse patient = call(intake, "POST", "/v1/patients", token, Map.of("givenName",
        "Fa" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Fault", "dateOfBirth", "1985-03-02",
        "site", SITE));
    if (patient.status() != 201) {
      return null;
    }
    ApiResponse referral = call(intake, "POST", "/v1/referrals", token, Map.of("patientId",
        patient.json().get("patientId").asString(), "site", SITE, "source", "SELF", "urgency", "URGENT"));
    if (referral.status() != 201) {
      return null;
    }
    String referralId = referral.json().get("referralId").asString();
    if (call(intake, "POST", "/v1/referrals/" + referralId + "/screening", token, "").status() != 200
        || call(intake, "POST", "/v1/referrals/" + referralId + "/acceptance", token, "").status() != 200) {
      return null;
    }
    ApiResponse assessment = call(intake, "PUT", "/v1/referrals/" + referralId + "/assessment", token,
        Map.ofEntries(
            Map.entry("substances", List.of(Map.of("substance", "HEROIN", "route", "SMOKED", "frequency", "DAILY",
                "yearsOfUse", 3, "lastUseAt", Instant.now().minus(12, ChronoUnit.HOURS).toString()))),
            Map.entry("heightCm", 175), Map.entry("weightKg", 70),
            Map.entry("oudCriteria", List.of("CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT")),
            Map.entry("opioidsOnlyUnderMedicalSupervision", false),
            Map.entry("urineDrugScreen", List.of(Map.of("analyte", "SIX_MAM", "result", "POSITIVE"))),
            Map.entry("phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.entry("gad7", List.of(0, 0, 0, 0, 0, 0, 0)),
            Map.entry("mentalHealthHistory", List.of()), Map.entry("previousDetoxEpisodes", 0),
            Map.entry("previousOverdoses", 0), Map.entry("pregnancyStatus", "NOT_APPLICABLE")));
    return assessment.status() == 201 ? UUID.fromString(referralId) : null;
  }

  /** Admits a ready referral; the admission id if intake answered 201. */
  UUID admit(UUID referralId) {
    ApiResponse admitted = call(platform.api("intake"), "POST", "/v1/admissions", intakeToken(),
        Map.of("referralId", referralId.toString()));
    if (admitted.status() != 201) {
      return null;
    }
    UUID id = UUID.fromString(admitted.json().get("admissionId").asString());
    admissions.put(id, Instant.now());
    return id;
  }

  private void admitOne() {
    UUID referral = readyReferral();
    if (referral != null) {
      admit(referral);
    }
  }

  private void dischargeSome() {
    List<UUID> open = ids("monitoring", "SELECT id FROM detox_episode WHERE status = 'OPEN' ORDER BY opened_at LIMIT 20");
    String physician = idp.staff("physician-faults", List.of("physician"), List.of(SITE));
    int done = 0;
    for (UUID episode : open) {
      if (done == 3 || !running) {
        return;
      }
      if (!triedEpisodes.add(episode)) {
        continue;
      }
      done++;
      ApiResponse response = call(platform.api("monitoring"), "POST", "/v1/episodes/" + episode + "/discharge",
          physician, Map.of("type", "COMPLETED", "naloxoneProvided", true, "overdoseEducation", true,
              "medicationPlan", "BUPRENORPHINE_MAINTENANCE",
              "receivingPrescriber", "Community prescriber"));
      if (response.status() == 200) {
        discharges.add(episode);
      }
    }
  }

  private void relapseSome() {
    List<UUID> plans = ids("aftercare",
        "SELECT id FROM aftercare_plan WHERE origin = 'DISCHARGE' AND relapse_count = 0 ORDER BY created_at LIMIT 20");
    String counsellor = idp.staff("counsellor-faults", List.of("counsellor"), List.of(SITE));
    int done = 0;
    for (UUID plan : plans) {
      if (done == 3 || !running) {
        return;
      }
      if (!triedPlans.add(plan)) {
        continue;
      }
      done++;
      ApiResponse response = call(platform.api("aftercare"), "POST", "/v1/plans/" + plan + "/relapses", counsellor,
          Map.of("kind", "LAPSE", "substance", "HEROIN", "occurredOn", LocalDate.now().minusDays(1).toString(),
              "overdose", false, "naloxoneUsed", false, "overdoseEducationGiven", true, "wantsReadmission", true));
      if (response.status() == 201) {
        var body = response.json();
        relapses.put(UUID.fromString(body.get("reportId").asString()),
            UUID.fromString(body.get("readmissionRequestId").asString()));
      }
    }
  }

  private List<UUID> ids(String service, String sql) {
    List<UUID> ids = new ArrayList<>();
    try (Connection c = platform.db(service); var rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  /** Stops the stream; what was recorded stays. */
  @Override
  public void close() {
    running = false;
    threads.forEach(t -> {
      try {
        t.join(40_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
