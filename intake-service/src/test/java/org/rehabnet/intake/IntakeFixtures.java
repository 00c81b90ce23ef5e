package org.rehabnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps from nothing to an admitted patient, through the API as staff would take them, plus
 * what tests need to set up or look at directly in the database.
 */
public final class IntakeFixtures {

  private static final AtomicInteger SITES = new AtomicInteger();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger PEOPLE = new AtomicInteger();

  public final ApiClient api;
  public final TestIdentityProvider idp = TestIdentityProvider.get();

  public IntakeFixtures(int port) {
    this.api = new ApiClient("http://localhost:" + port);
  }

  /** A staff token for one site. */
  public String staff(String role, String site) {
    return idp.staff(role + "-" + site, List.of(role), List.of(site));
  }

  /** The network's records team (no site: it works across the network). */
  public String recordsOfficer() {
    return idp.staff("records", List.of("records-officer"), List.of());
  }

  /** The records team makes the patient known at a further site, as a referral there needs. */
  public void linkToSite(String patientId, String site) {
    ApiResponse linked = api.post("/v1/patients/" + patientId + "/site-links", recordsOfficer(),
        Map.of("site", site, "reason", "Same person, identity checked by phone with the referring clinic"));
    assertThat(linked.status()).as(linked.body()).isEqualTo(201);
  }

  /** A new site of its own with this many free beds, so tests do not compete for the seeded ones. */
  public static String newSite(int beds) {
    return newSite(beds, "UTC");
  }

  /**
   * A new site in this time zone, configured with the default settings (version 1, as intake's first
   * announcement leaves a site) and this many free beds.
   */
  public static String newSite(int beds, String timeZone) {
    String site = "t" + SITES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    String settings = JSON.writeValueAsString(SiteSettings.defaults()).replace("'", "''");
    update("INSERT INTO site (code, name, time_zone, settings, settings_version, published_version) VALUES ('"
        + site + "', 'Test site', '" + timeZone + "', CAST('" + settings + "' AS JSONB), 1, 1)");
    update("INSERT INTO site_settings_change (site, version, kind, changed_by, changed_at) VALUES ('" + site
        + "', 1, 'INITIAL', 'system', now())");
    update("INSERT INTO ward (site, code, name) VALUES ('" + site + "', 'W', 'Ward W')");
    for (int i = 1; i <= beds; i++) {
      update("INSERT INTO bed (id, site, ward, code, status) VALUES ('" + UUID.randomUUID() + "', '" + site
          + "', 'W', 'W-" + i + "', 'FREE')");
    }
    return site;
  }

  /** Random lower-case letters, for names no other test uses (names hold no digits in real life). */
  public static String letters(int count) {
    StringBuilder letters = new StringBuilder();
    String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    for (int i = 0; i < count; i++) {
      letters.append((char) ('a' + Character.digit(hex.charAt(i), 16)));
    }
    return letters.toString();
  }

  /** A unique person's registration request. */
  public static Map<String, Object> person(String site) {
    int n = PEOPLE.incrementAndGet();
    Map<String, Object> person = new HashMap<>();
    person.put("givenName", "Given" + n + UUID.randomUUID().toString().substring(0, 8));
    person.put("familyName", "Family");
    person.put("dateOfBirth", "1988-05-17");
    person.put("administrativeGender", "FEMALE");
    person.put("phone", "+1 555 0100");
    person.put("emergencyContact", Map.of("name", "A Relative", "relationship", "sister", "phone", "+1 555 0101"));
    person.put("preferredLanguage", "en");
    person.put("site", site);
    return person;
  }

  public String registerPatient(String site) {
    return registerPatient(person(site));
  }

  public String registerPatient(Map<String, Object> person) {
    ApiResponse created = api.post("/v1/patients", staff("intake-coordinator", (String) person.get("site")), person);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("patientId").asString();
  }

  public String openReferral(String patientId, String site, String urgency) {
    ApiResponse created = api.post("/v1/referrals", staff("intake-coordinator", site), Map.of("patientId", patientId,
        "site", site, "source", "FAMILY", "urgency", urgency,
        "referrer", Map.of("name", "A Relative", "phone", "+1 555 0101")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("referralId").asString();
  }

  public void accept(String referralId, String site) {
    String token = staff("intake-coordinator", site);
    assertThat(api.post("/v1/referrals/" + referralId + "/screening", token, "").status()).isEqualTo(200);
    assertThat(api.post("/v1/referrals/" + referralId + "/acceptance", token, "").status()).isEqualTo(200);
  }

  public void assess(String referralId, String site) {
    assess(referralId, site, assessment());
  }

  public void assess(String referralId, String site, Map<String, Object> assessment) {
    ApiResponse recorded = put("/v1/referrals/" + referralId + "/assessment", staff("intake-coordinator", site),
        assessment);
    assertThat(recorded.status()).as(recorded.body()).isIn(200, 201);
  }

  /** A patient registered, referred, accepted and assessed at the site: ready to admit. */
  public String acceptedAndAssessedReferral(String site) {
    String referralId = openReferral(registerPatient(site), site, "URGENT");
    accept(referralId, site);
    assess(referralId, site);
    return referralId;
  }

  public ApiResponse admit(String referralId, String token) {
    return api.post("/v1/admissions", token, Map.of("referralId", referralId));
  }

  /** A PUT with the version read, as the portal sends it. */
  public ApiResponse put(String path, String token, Object body, String ifMatch) {
    return api.send("PUT", path, token, JSON.writeValueAsString(body), Map.of("If-Match", ifMatch));
  }

  public ApiResponse put(String path, String token, Object body) {
    return api.send("PUT", path, token, JSON.writeValueAsString(body), Map.of());
  }

  /**
   * A heavy, long-term heroin user with a fentanyl- and benzodiazepine-positive screen and thoughts
   * of self-harm on PHQ-9 item 9: every flag an admission can carry.
   */
  public static Map<String, Object> assessment() {
    Map<String, Object> a = new HashMap<>();
    a.put("substances", new ArrayList<>(List.of(
        substance("HEROIN", "INJECTED", "DAILY", 8, Instant.now().minus(10, ChronoUnit.HOURS)),
        substance("BENZODIAZEPINE", "ORAL", "SEVERAL_TIMES_A_WEEK", 2, Instant.now().minus(2, ChronoUnit.DAYS)))));
    a.put("heightCm", 178);
    a.put("weightKg", 64.5);
    a.put("oudCriteria", List.of("CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT", "ACTIVITIES_GIVEN_UP",
        "USE_IN_HAZARDOUS_SITUATIONS", "UNSUCCESSFUL_EFFORTS_TO_CUT_DOWN"));
    a.put("opioidsOnlyUnderMedicalSupervision", false);
    a.put("urineDrugScreen", List.of(
        Map.of("analyte", "SIX_MAM", "result", "POSITIVE", "cutoffNgPerMl", 10),
        Map.of("analyte", "FENTANYL", "result", "POSITIVE", "cutoffNgPerMl", 1),
        Map.of("analyte", "BENZODIAZEPINES", "result", "POSITIVE", "cutoffNgPerMl", 300),
        Map.of("analyte", "COCAINE", "result", "NEGATIVE")));
    a.put("phq9", new ArrayList<>(List.of(2, 2, 3, 2, 1, 2, 1, 0, 1)));
    a.put("gad7", new ArrayList<>(List.of(2, 2, 1, 2, 1, 1, 0)));
    a.put("mentalHealthHistory", List.of("DEPRESSION", "PTSD"));
    a.put("previousDetoxEpisodes", 2);
    a.put("previousOverdoses", 1);
    a.put("pregnancyStatus", "NOT_PREGNANT");
    return a;
  }

  public static Map<String, Object> substance(String code, String route, String frequency, double years,
      Instant lastUse) {
    Map<String, Object> s = new HashMap<>();
    s.put("substance", code);
    s.put("amount", "about 1 g a day");
    s.put("route", route);
    s.put("frequency", frequency);
    s.put("yearsOfUse", years);
    s.put("lastUseAt", lastUse.toString());
    return s;
  }

  public static long count(String sql) {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("intake");
        var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static List<String> strings(String sql) {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("intake");
        var rs = connection.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Rows that bad input must not add: every table intake writes, and the outbox. */
  public static long rows() {
    return count("SELECT (SELECT count(*) FROM patient) + (SELECT count(*) FROM referral)"
        + " + (SELECT count(*) FROM assessment) + (SELECT count(*) FROM assessment_substance)"
        + " + (SELECT count(*) FROM consent) + (SELECT count(*) FROM admission)"
        + " + (SELECT count(*) FROM bed WHERE status = 'OCCUPIED') + (SELECT count(*) FROM event_publication)");
  }

  /** A change made behind the service's back, to set up what the API cannot (an old referral). */
  public static void execute(String sql) {
    update(sql);
  }

  private static void update(String sql) {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("intake");
        var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
