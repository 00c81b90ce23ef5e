package org.rehabnet.portal.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's audit search (each service keeps its own append-only trail; reading it is audited
 * too), and a patient's accounting of disclosures to partners (42 CFR §2.24) for the staff who may
 * read it. Searches are posted: an actor's name or a patient id stays out of the URL.
 */
@Controller
class AuditPages {

  private static final Set<String> SERVICES = Set.of("intake", "monitoring", "aftercare");
  private final Gateway gateway;

  AuditPages(Gateway gateway) {
    this.gateway = gateway;
  }

  @GetMapping("/audit")
  String form(Model model) {
    model.addAttribute("events", List.of());
    model.addAttribute("service", "intake");
    model.addAttribute("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    model.addAttribute("to", LocalDate.now(ZoneOffset.UTC).toString());
    return "audit/search";
  }

  @PostMapping("/audit")
  String search(@RequestParam String service, @RequestParam String from, @RequestParam String to,
      @RequestParam(required = false) @Nullable String patientId, @RequestParam(required = false) @Nullable String actor,
      Model model, HttpServletResponse response) {
    model.addAttribute("service", service);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("events", List.of());
    if (!SERVICES.contains(service)) {
      response.setStatus(400);
      model.addAttribute("auditProblem", "service: one of intake, monitoring, aftercare");
      return "audit/search";
    }
    StringBuilder query = new StringBuilder("/api/" + service + "/v1/audit/events?from={from}&to={to}&limit=200");
    try {
      List<Map<String, Object>> events;
      String start = LocalDate.parse(from).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
      String end = LocalDate.parse(to).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
      if (patientId != null && !patientId.isBlank() && actor != null && !actor.isBlank()) {
        query.append("&patientId={p}&actor={a}");
        events = gateway.list(query.toString(), start, end, patientId.strip(), actor.strip());
      } else if (patientId != null && !patientId.isBlank()) {
        query.append("&patientId={p}");
        events = gateway.list(query.toString(), start, end, patientId.strip());
      } else if (actor != null && !actor.isBlank()) {
        query.append("&actor={a}");
        events = gateway.list(query.toString(), start, end, actor.strip());
      } else {
        events = gateway.list(query.toString(), start, end);
      }
      model.addAttribute("events", events);
    } catch (GatewayProblem refused) {
      if (refused.status() != 400) {
        throw refused;
      }
      response.setStatus(400);
      model.addAttribute("auditProblem", String.join("; ", refused.fieldErrors()));
    } catch (java.time.format.DateTimeParseException e) {
      response.setStatus(400);
      model.addAttribute("auditProblem", "from and to: dates as yyyy-mm-dd");
    }
    return "audit/search";
  }

  @GetMapping("/aftercare/patients/{patientId}/disclosures")
  String disclosures(@PathVariable String patientId, Model model) {
    model.addAttribute("disclosures", gateway.listWindow("/api/aftercare/v1/patients/{id}/disclosures", patientId));
    return "audit/disclosures";
  }
}
