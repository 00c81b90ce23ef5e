package org.rehabnet.portal.chart;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.security.Staff;
import org.rehabnet.portal.svg.ChartData;
import org.rehabnet.portal.svg.CowsTrendChart;
import org.rehabnet.portal.svg.News2Chart;
import org.rehabnet.portal.svg.VitalSignsChart;
import org.rehabnet.portal.web.FormKeys;
import org.rehabnet.portal.web.Patients;
import org.rehabnet.portal.web.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The detox chart on one screen: vital-sign plots, NEWS2 (RCP layout) and the COWS trend with the doses
 * on its time axis, the medication record, open alerts, the observation round and the discharge. Ids
 * in the URL only; the patient is named in the page, never in its title.
 */
@Controller
class ChartController {

  /** What the chart's trends show: the last seven days (the services' lists default to fewer). */
  static final Duration SHOWN = Duration.ofDays(7);

  private final Gateway gateway;
  private final Patients patients;
  private final Sites sites;
  private final Clock clock;

  ChartController(Gateway gateway, Patients patients, Sites sites, Clock clock) {
    this.gateway = gateway;
    this.patients = patients;
    this.sites = sites;
    this.clock = clock;
  }

  @GetMapping("/chart/{episodeId}")
  String chart(@PathVariable String episodeId, Model model, HttpSession session) {
    ChartPage page = load(episodeId);
    model.addAttribute("page", page);
    model.addAttribute("episode", page.episode());
    model.addAttribute("patient", patients.one(String.valueOf(page.episode().get("patientId")), session));
    model.addAttribute("episodeId", episodeId);
    return "chart/chart";
  }

  @GetMapping("/chart/{episodeId}/round")
  String roundForm(@PathVariable String episodeId, Model model, HttpSession session) {
    Map<String, Object> episode = gateway.get("/api/monitoring/v1/episodes/{id}", episodeId);
    model.addAttribute("episode", episode);
    model.addAttribute("episodeId", episodeId);
    model.addAttribute("patient", patients.one(String.valueOf(episode.get("patientId")), session));
    model.addAttribute("cowsItems", ObservationRound.COWS_ITEMS);
    model.addAttribute("problems", List.of());
    return "chart/round";
  }

  @PostMapping("/chart/{episodeId}/round")
  String recordRound(@PathVariable String episodeId, @ModelAttribute ObservationRound round,
      @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model, HttpSession session, HttpServletResponse response) {
    String key = FormKeys.orFresh(idempotencyKey);
    List<String> problems = round.problems();
    if (problems.isEmpty()) {
      try {
        gateway.postOnce(FormKeys.part(key, "vital-signs"), "/api/monitoring/v1/episodes/{id}/vital-signs",
            round.vitalSigns(), episodeId);
        gateway.postOnce(FormKeys.part(key, "observation"), "/api/monitoring/v1/episodes/{id}/observations",
            round.observation(), episodeId);
        gateway.postOnce(FormKeys.part(key, "cows"), "/api/monitoring/v1/episodes/{id}/cows-assessments",
            round.cows(), episodeId);
        return "redirect:/chart/" + episodeId + "#trends";
      } catch (GatewayProblem refused) {
        if (refused.status() != 400 && refused.status() != 409) {
          throw refused;
        }
        problems = refused.fieldErrors().isEmpty() ? List.of(String.valueOf(refused.detail())) : refused.fieldErrors();
      }
    }
    response.setStatus(400);
    roundForm(episodeId, model, session);
    model.addAttribute("problems", problems);
    model.addAttribute("round", round);
    model.addAttribute("roundKey", key);
    return "chart/round";
  }

  @PostMapping("/chart/{episodeId}/orders")
  String order(@PathVariable String episodeId, @RequestParam String drug, @RequestParam String route,
      @RequestParam(required = false) @Nullable BigDecimal doseMg,
      @RequestParam(required = false) @Nullable BigDecimal doseMinMg,
      @RequestParam(required = false) @Nullable BigDecimal doseMaxMg, @RequestParam(required = false) @Nullable UUID idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("drug", drug);
    body.put("route", route);
    body.put("doseMg", doseMg);
    body.put("doseMinMg", doseMinMg);
    body.put("doseMaxMg", doseMaxMg);
    gateway.postOnce(FormKeys.orFresh(idempotencyKey), "/api/monitoring/v1/episodes/{id}/medication-orders", body,
        episodeId);
    return "redirect:/chart/" + episodeId + "#mar";
  }

  /**
   * Gives a dose (htmx, into the order's dose cell). A refusal stays in that cell with its rule, and a
   * physician sees the override field when every broken rule is one a reason may set aside.
   */
  @PostMapping("/chart/{episodeId}/doses")
  String give(@PathVariable String episodeId, @RequestParam String orderId, @RequestParam String drug,
      @RequestParam String route, @RequestParam BigDecimal doseMg,
      @RequestParam(required = false) @Nullable String overrideReason, @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model,
      HttpServletResponse response) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("drug", drug);
    body.put("doseMg", doseMg);
    body.put("route", route);
    if (overrideReason != null && !overrideReason.isBlank()) {
      body.put("overrideReason", overrideReason.strip());
    }
    model.addAttribute("order", Map.of("orderId", orderId, "drug", drug, "route", route, "doseMg", doseMg));
    model.addAttribute("episodeId", episodeId);
    try {
      // A tablet that resends after a timeout gets the first answer: one administration, never two.
      gateway.postOnce(FormKeys.orFresh(idempotencyKey), "/api/monitoring/v1/episodes/{id}/administrations", body,
          episodeId);
      response.setHeader("HX-Refresh", "true");
      model.addAttribute("given", true);
    } catch (GatewayProblem refused) {
      if (refused.status() >= 500 || refused.status() == 401) {
        throw refused;
      }
      model.addAttribute("refusal", refused);
      model.addAttribute("rule", refused.member("rule"));
      model.addAttribute("overridable", Boolean.TRUE.equals(refused.member("overridable")));
    }
    return "chart/chart :: doseCell";
  }

  @PostMapping("/chart/{episodeId}/alerts/{alertId}/acknowledgement")
  String acknowledge(@PathVariable String episodeId, @PathVariable String alertId) {
    try {
      gateway.post("/api/monitoring/v1/alerts/{id}/acknowledgement", null, alertId);
    } catch (GatewayProblem refused) {
      if (refused.status() != 409) {
        throw refused;
      }
    }
    return "redirect:/chart/" + episodeId + "#alerts";
  }

  @PostMapping("/chart/{episodeId}/discharge")
  String discharge(@PathVariable String episodeId, @RequestParam String type,
      @RequestParam(defaultValue = "false") boolean naloxoneProvided,
      @RequestParam(required = false) @Nullable String naloxoneNotProvidedReason,
      @RequestParam(defaultValue = "false") boolean overdoseEducation, @RequestParam String medicationPlan,
      @RequestParam(required = false) @Nullable String receivingPrescriber, @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model,
      HttpSession session, HttpServletResponse response) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("naloxoneProvided", naloxoneProvided);
    body.put("naloxoneNotProvidedReason", blankToNull(naloxoneNotProvidedReason));
    body.put("overdoseEducation", overdoseEducation);
    body.put("medicationPlan", medicationPlan);
    body.put("receivingPrescriber", blankToNull(receivingPrescriber));
    try {
      gateway.postOnce(FormKeys.orFresh(idempotencyKey), "/api/monitoring/v1/episodes/{id}/discharge", body,
          episodeId);
      return "redirect:/chart/" + episodeId;
    } catch (GatewayProblem refused) {
      if (refused.status() >= 500 || refused.status() == 401 || refused.status() == 404) {
        throw refused;
      }
      response.setStatus(refused.status());
      chart(episodeId, model, session);
      model.addAttribute("dischargeProblem", refused);
      return "chart/chart";
    }
  }

  /** Everything the chart shows, read in parallel with the user's token (one token, taken first). */
  private ChartPage load(String episodeId) {
    Staff staff = Staff.current();
    String token = gateway.token();
    Map<String, Object> episode = gateway.getAs(token, "/api/monitoring/v1/episodes/{id}", episodeId);
    String site = String.valueOf(episode.get("site"));
    ZoneId zone = sites.zone(site);
    if (!staff.ward()) {
      return new ChartPage(episode, "", "", "", List.of(), List.of(), List.of(), List.of(), zone);
    }
    // The chart's seven days, read whole page by page; alerts in their own (widest) default window.
    Instant since = clock.instant().minus(SHOWN);
    try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<List<Map<String, Object>>> vitals = parallel.submit(
          () -> gateway.listWindowAs(token, since, "/api/monitoring/v1/episodes/{id}/vital-signs", episodeId));
      Future<Map<String, Object>> trend = parallel.submit(
          () -> gateway.getWindowAs(token, since, "/api/monitoring/v1/episodes/{id}/withdrawal-trend", episodeId));
      Future<List<Map<String, Object>>> orders = parallel.submit(
          () -> gateway.listAs(token, "/api/monitoring/v1/episodes/{id}/medication-orders", episodeId));
      Future<List<Map<String, Object>>> mar = parallel.submit(
          () -> gateway.listWindowAs(token, since, "/api/monitoring/v1/episodes/{id}/administrations", episodeId));
      Future<List<Map<String, Object>>> alerts = parallel.submit(
          () -> gateway.listWindowAs(token, null, "/api/monitoring/v1/episodes/{id}/alerts", episodeId));
      List<ChartData.VitalSet> sets = ChartRecords.vitals(vitals.get());
      List<Map<String, Object>> given = mar.get();
      var now = clock.instant();
      return new ChartPage(episode, News2Chart.render(sets, zone), VitalSignsChart.render(sets, now, zone),
          CowsTrendChart.render(ChartRecords.cows(trend.get()), ChartRecords.doses(given), now, zone), orders.get(),
          given, alerts.get(), sets.isEmpty() ? List.of() : List.of(sets.getLast()), zone);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GatewayProblem problem) {
        throw problem;
      }
      throw new IllegalStateException("chart could not be read", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** One chart page's model. */
  record ChartPage(Map<String, Object> episode, String news2Svg, String vitalsSvg, String cowsSvg,
      List<Map<String, Object>> orders, List<Map<String, Object>> mar, List<Map<String, Object>> alerts,
      List<ChartData.VitalSet> latestVitals, ZoneId zone) {

    @Override
    public String toString() {
      return "ChartPage[" + episode.get("episodeId") + "]";
    }
  }
}
