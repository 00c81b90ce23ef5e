package org.rehabnet.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Charting throughput: vital-sign sets and COWS assessments (3:1, as a ward charts them) posted at
 * rising constant rates (open model), through the gateway and straight to monitoring-service in
 * alternating steps of one run, spread over 20 open episodes. For each door the highest rate whose
 * p99 stays under 100 ms with no error, and the gateway's figure against the direct one.
 *
 * <pre>./rehabnet bench charting   (-Dbench.rates=100,200,...,700 -Dbench.step-seconds=20)</pre>
 */
public class ChartingThroughputSimulation extends Simulation {

  static final String DIRECT = "http://localhost:" + Admissions.TOPOLOGY.port("MONITORING_PORT");
  static final List<Integer> RATES = rates(System.getProperty("bench.rates", "100,200,300,400,500,600,700"));
  static final int STEP = Integer.getInteger("bench.step-seconds", 20);
  static final int WARMUP = Integer.getInteger("bench.warmup", 60);
  static final int EPISODES = Integer.getInteger("bench.episodes", 20);
  static final long GOAL_P99_MS = 100;

  static final Admissions ADMISSIONS = new Admissions();
  static final Admissions.Token NURSE = new Admissions.Token("nurse-north");
  static final AtomicReference<List<String>> OPEN = new AtomicReference<>(List.of());
  static final BenchReport REPORT = new BenchReport();

  static final String VITALS = """
      {"respirationRate":16,"spo2":97,"onOxygen":false,"systolic":122,"diastolic":78,"pulse":76,\
      "consciousness":"ALERT","temperature":36.8}""";
  static final String COWS = """
      {"restingPulse":1,"sweating":0,"restlessness":1,"pupilSize":0,"boneJointAches":1,"runnyNose":1,\
      "giUpset":0,"tremor":0,"yawning":1,"anxiety":1,"gooseflesh":0}""";

  final HttpProtocolBuilder protocol = http
      .header("Authorization", session -> "Bearer " + NURSE.get())
      .contentTypeHeader("application/json")
      .acceptHeader("application/json")
      .shareConnections();

  @Override
  public void before() {
    try {
      System.out.printf("preparing %d open episodes%n", EPISODES);
      OPEN.set(ADMISSIONS.episodes(ADMISSIONS.prepare(EPISODES)));
    } catch (Exception e) {
      throw new IllegalStateException("could not open the episodes to chart", e);
    }
  }

  @Override
  public void after() {
    System.out.printf("%nCharting, vital-sign sets and COWS 3:1, %d s per step (open model)%n", STEP);
    System.out.println("| rate/s | direct p50 / p99 ms | direct errors | gateway p50 / p99 ms | gateway errors |");
    System.out.println("|---|---|---|---|---|");
    int bestDirect = 0;
    int bestGateway = 0;
    for (int rate : RATES) {
      BenchReport.Series direct = REPORT.series("direct-" + rate);
      BenchReport.Series gateway = REPORT.series("gateway-" + rate);
      System.out.printf("| %d | %d / %d | %d | %d / %d | %d |%n", rate, direct.percentile(50), direct.percentile(99),
          direct.errors.get(), gateway.percentile(50), gateway.percentile(99), gateway.errors.get());
      if (holds(direct) && bestDirect == rate - step(rate)) {
        bestDirect = rate;
      }
      if (holds(gateway) && bestGateway == rate - step(rate)) {
        bestGateway = rate;
      }
    }
    System.out.printf("highest rate with p99 < %d ms and no error: direct %d/s, gateway %d/s, direct/gateway %.2fx"
        + " (goals: gateway >= 500/s, direct/gateway <= 1.3)%n", GOAL_P99_MS, bestDirect, bestGateway,
        bestGateway == 0 ? 0.0 : (double) bestDirect / bestGateway);
    System.out.println(bestGateway >= 500 && bestGateway * 1.3 >= bestDirect ? "GOALS MET" : "GOALS NOT MET");
  }

  /** The rising steps count only while unbroken: a rate that holds after one that failed is luck. */
  private static int step(int rate) {
    int index = RATES.indexOf(rate);
    return index == 0 ? rate : rate - RATES.get(index - 1);
  }

  private static boolean holds(BenchReport.Series series) {
    return series.histogram.getTotalCount() > 0 && series.errors.get() == 0 && series.percentile(99) < GOAL_P99_MS;
  }

  static ChainBuilder chart(String name, String base, String prefix) {
    BenchReport.Series series = REPORT.series(name);
    return randomSwitch().on(
            percent(75.0, http(name + "-vitals").post(session -> base + prefix + episode() + "/vital-signs")
                .body(StringBody(VITALS))),
            percent(25.0, http(name + "-cows").post(session -> base + prefix + episode() + "/cows-assessments")
                .body(StringBody(COWS))))
        .exec(session -> {
          series.record(session.isFailed() ? -1 : session.getInt("rt"));
          return session;
        });
  }

  private static io.gatling.javaapi.core.Choice.WithWeight percent(double weight,
      io.gatling.javaapi.http.HttpRequestActionBuilder request) {
    return new io.gatling.javaapi.core.Choice.WithWeight(weight,
        io.gatling.javaapi.core.CoreDsl.exec(request.check(status().is(201), responseTimeInMillis().saveAs("rt"))));
  }

  private static String episode() {
    List<String> open = OPEN.get();
    return open.get(ThreadLocalRandom.current().nextInt(open.size()));
  }

  static ScenarioBuilder door(String name, String base, String prefix) {
    return scenario(name).exec(chart(name, base, prefix));
  }

  {
    String gateway = Admissions.GATEWAY;
    PopulationBuilder plan = door("warmup-direct", DIRECT, "/v1/episodes/")
        .injectOpen(constantUsersPerSec(200).during(Duration.ofSeconds(WARMUP)))
        .andThen(door("warmup-gateway", gateway, "/api/monitoring/v1/episodes/")
            .injectOpen(constantUsersPerSec(200).during(Duration.ofSeconds(WARMUP))));
    for (int rate : RATES) {
      plan = plan
          .andThen(door("direct-" + rate, DIRECT, "/v1/episodes/")
              .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(STEP))))
          .andThen(door("gateway-" + rate, gateway, "/api/monitoring/v1/episodes/")
              .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(STEP))));
    }
    setUp(plan).protocols(protocol);
  }

  private static List<Integer> rates(String list) {
    List<Integer> rates = new ArrayList<>();
    for (String rate : list.split(",")) {
      rates.add(Integer.parseInt(rate.strip()));
    }
    return rates;
  }
}
