package org.rehabnet.portal.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
 * read it. Searches are posted: an actor's name or a patient id stays out of the URL, and so are the
 * older pages of a search, a page at a time with the search and the service's cursor in the form.
 */
@Controller
class AuditPages {

  private static final Set<String> SERVICES = Set.of("intake", "monitoring", "aftercare");
  /** Rows a page shows: a screenful an auditor reads, and well inside the services' limit of 500. */
  private static final int PAGE = 200;
  /** A service's cursor is base64url (platform-web's Cursor); nothing else was given out by one. */
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,200}");
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
      @RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable String shown,
      Model model, HttpServletResponse response) {
    String patient = given(patientId);
    String user = given(actor);
    model.addAttribute("service", service);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("patientId", patient);
    model.addAttribute("actor", user);
    model.addAttribute("events", List.of());
    if (!SERVICES.contains(service)) {
      return refused("service: one of intake, monitoring, aftercare", model, response);
    }
    // Only a cursor as a service writes one goes back, and only as the cursor of this service's own
    // trail: the form is the browser's, and the request the portal builds from it must not be.
    int before = 0;
    if (cursor != null) {
      Integer earlier = shown == null ? null : count(shown);
      if (!CURSOR.matcher(cursor).matches() || earlier == null) {
        return refused("cursor: not a page this search gave out; search again from the newest", model, response);
      }
      before = earlier;
    }
    StringBuilder query = new StringBuilder("/api/" + service + "/v1/audit/events?from={from}&to={to}&limit=" + PAGE);
    try {
      List<Object> variables = new ArrayList<>();
      variables.add(LocalDate.parse(from).atStartOfDay().atOffset(ZoneOffset.UTC).toString());
      variables.add(LocalDate.parse(to).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString());
      if (patient != null) {
        query.append("&patientId={p}");
        variables.add(patient);
      }
      if (user != null) {
        query.append("&actor={a}");
        variables.add(user);
      }
      Gateway.Page page = gateway.page(cursor, query.toString(), variables.toArray());
      model.addAttribute("events", page.rows());
      model.addAttribute("searched", true);
      model.addAttribute("total", page.total());
      model.addAttribute("first", before + 1);
      model.addAttribute("last", before + page.rows().size());
      model.addAttribute("next", page.next());
    } catch (GatewayProblem refused) {
      if (refused.status() != 400) {
        throw refused;
      }
      return refused(String.join("; ", refused.fieldErrors()), model, response);
    } catch (java.time.format.DateTimeParseException e) {
      return refused("from and to: dates as yyyy-mm-dd", model, response);
    }
    return "audit/search";
  }

  private static String refused(String problem, Model model, HttpServletResponse response) {
    response.setStatus(400);
    model.addAttribute("auditProblem", problem);
    return "audit/search";
  }

  private static @Nullable String given(@Nullable String field) {
    return field == null || field.isBlank() ? null : field.strip();
  }

  /**
   * The rows shown before this page, as the "Older events" form carried it; null when it is not a count.
   * It only numbers the rows shown, so an edited one mislabels a page and reads nothing else.
   */
  private static @Nullable Integer count(String shown) {
    try {
      int rows = Integer.parseInt(shown);
      return rows < 0 || rows > Integer.MAX_VALUE - PAGE ? null : rows;
    } catch (NumberFormatException notACount) {
      return null;
    }
  }

  @GetMapping("/aftercare/patients/{patientId}/disclosures")
  String disclosures(@PathVariable String patientId, Model model) {
    model.addAttribute("disclosures", gateway.listWindow("/api/aftercare/v1/patients/{id}/disclosures", patientId));
    return "audit/disclosures";
  }
}
