package org.rehabnet.portal.ward;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.security.Staff;
import org.rehabnet.portal.web.Patients;
import org.rehabnet.portal.web.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The ward census: every bed at a glance, refreshing by itself. The page polls every 30 s (answered
 * 204 when nothing changed, so nothing is redrawn) and also refetches at once when the ward's SSE
 * signal says something changed.
 */
@Controller
class CensusController {

  static final String LAST_SEEN = CensusController.class.getName() + ".seen.";
  private final Gateway gateway;
  private final Patients patients;
  private final Sites sites;
  private final WardSignals signals;

  CensusController(Gateway gateway, Patients patients, Sites sites, WardSignals signals) {
    this.gateway = gateway;
    this.patients = patients;
    this.sites = sites;
    this.signals = signals;
  }

  @GetMapping("/ward")
  String ward() {
    Staff staff = Staff.current();
    if (staff.sites().isEmpty()) {
      throw new GatewayProblem(404, Map.of("title", "Not found"));
    }
    return "redirect:/ward/" + staff.sites().getFirst();
  }

  @GetMapping("/ward/{site}")
  String census(@PathVariable String site, Model model, HttpSession session) {
    model.addAttribute("census", rows(site, session));
    model.addAttribute("site", site);
    model.addAttribute("siteName", sites.name(site));
    model.addAttribute("zone", sites.zone(site));
    return "ward/census";
  }

  /** The poll and the SSE-triggered refetch: 204 when the census is as the page last showed it. */
  @GetMapping("/ward/{site}/census")
  String refresh(@PathVariable String site, Model model, HttpSession session, HttpServletResponse response) {
    List<Map<String, Object>> census = fetch(site);
    int fingerprint = census.hashCode();
    if (Objects.equals(session.getAttribute(LAST_SEEN + site), fingerprint)) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return "empty";
    }
    session.setAttribute(LAST_SEEN + site, fingerprint);
    model.addAttribute("census", named(census, session));
    model.addAttribute("site", site);
    model.addAttribute("zone", sites.zone(site));
    return "ward/census :: rows";
  }

  @GetMapping(path = "/ward/{site}/signals", produces = "text/event-stream")
  SseEmitter signals(@PathVariable String site) {
    if (!Staff.current().worksAt(site) || !Staff.current().ward()) {
      throw new GatewayProblem(404, Map.of("title", "Not found"));
    }
    return signals.watch(site);
  }

  private List<Map<String, Object>> rows(String site, HttpSession session) {
    List<Map<String, Object>> census = fetch(site);
    session.setAttribute(LAST_SEEN + site, census.hashCode());
    return named(census, session);
  }

  private List<Map<String, Object>> fetch(String site) {
    List<Map<String, Object>> census = new ArrayList<>(gateway.list("/api/monitoring/v1/sites/{site}/census", site));
    census.sort((a, b) -> String.valueOf(a.get("bed")).compareTo(String.valueOf(b.get("bed"))));
    return census;
  }

  private List<Map<String, Object>> named(List<Map<String, Object>> census, HttpSession session) {
    var names = patients.named(census.stream().map(row -> String.valueOf(row.get("patientId"))).toList(), session);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : census) {
      Map<String, Object> named = new java.util.HashMap<>(row);
      named.put("patient", names.get(String.valueOf(row.get("patientId"))));
      rows.add(named);
    }
    return rows;
  }
}
