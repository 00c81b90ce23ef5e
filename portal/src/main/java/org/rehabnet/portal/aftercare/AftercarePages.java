package org.rehabnet.portal.aftercare;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.security.Staff;
import org.rehabnet.portal.web.FormKeys;
import org.rehabnet.portal.web.Patients;
import org.rehabnet.portal.web.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Aftercare for counsellors: the caseload of the site's day, the groups, and the group register that
 * records one session's attendance for the whole group on one screen (one request to aftercare; the
 * same note is never typed into every chart).
 */
@Controller
class AftercarePages {

  private final Gateway gateway;
  private final Patients patients;
  private final Sites sites;

  AftercarePages(Gateway gateway, Patients patients, Sites sites) {
    this.gateway = gateway;
    this.patients = patients;
    this.sites = sites;
  }

  @GetMapping("/aftercare")
  String aftercare() {
    Staff staff = Staff.current();
    if (staff.sites().isEmpty()) {
      throw new GatewayProblem(404, Map.of("title", "Not found"));
    }
    return "redirect:/aftercare/sites/" + staff.sites().getFirst();
  }

  @GetMapping("/aftercare/sites/{site}")
  String site(@PathVariable String site, Model model) {
    model.addAttribute("site", site);
    model.addAttribute("caseload", gateway.get("/api/aftercare/v1/caseload?site={site}", site));
    model.addAttribute("groups", gateway.list("/api/aftercare/v1/groups?site={site}", site));
    return "aftercare/site";
  }

  @GetMapping("/aftercare/groups/{groupId}")
  String group(@PathVariable String groupId, Model model) {
    Map<String, Object> group = gateway.get("/api/aftercare/v1/groups/{id}", groupId);
    LocalDate today = LocalDate.now(sites.zone(String.valueOf(group.get("site"))));
    model.addAttribute("group", group);
    model.addAttribute("groupId", groupId);
    model.addAttribute("today", today.toString());
    model.addAttribute("sessions", gateway.list("/api/aftercare/v1/groups/{id}/sessions?from={from}&to={to}", groupId,
        today.minusWeeks(4), today.plusWeeks(4)));
    return "aftercare/group";
  }

  /** The register of one session: opened on first use (only on a scheduled date; aftercare checks). */
  @GetMapping("/aftercare/groups/{groupId}/register")
  String register(@PathVariable String groupId, @RequestParam String date, Model model, HttpSession session) {
    Map<String, Object> group = gateway.get("/api/aftercare/v1/groups/{id}", groupId);
    String sessionId = null;
    for (Map<String, Object> scheduled : gateway.list("/api/aftercare/v1/groups/{id}/sessions?from={d}&to={d}",
        groupId, date, date)) {
      if (scheduled.get("sessionId") != null) {
        sessionId = scheduled.get("sessionId").toString();
      }
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    if (sessionId != null) {
      Map<String, Object> held = gateway.get("/api/aftercare/v1/groups/{id}/sessions/{sid}", groupId, sessionId);
      for (Object entry : (List<?>) held.getOrDefault("attendance", List.of())) {
        Map<?, ?> attendance = (Map<?, ?>) entry;
        recorded.put(String.valueOf(attendance.get("patientId")), String.valueOf(attendance.get("status")));
      }
    }
    List<String> ids = new ArrayList<>();
    for (Object member : (List<?>) group.getOrDefault("members", List.of())) {
      ids.add(String.valueOf(((Map<?, ?>) member).get("patientId")));
    }
    model.addAttribute("group", group);
    model.addAttribute("groupId", groupId);
    model.addAttribute("date", date);
    model.addAttribute("members", ids.stream().map(id -> patients.one(id, session)).toList());
    model.addAttribute("recorded", recorded);
    return "aftercare/register";
  }

  @PostMapping("/aftercare/groups/{groupId}/register")
  String record(@PathVariable String groupId, @RequestParam String date,
      @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model,
      HttpSession session, HttpServletResponse response) {
    String key = FormKeys.orFresh(idempotencyKey);
    List<Map<String, Object>> attendance = new ArrayList<>();
    form.forEach((name, values) -> {
      if (name.startsWith("attendance_") && !values.isEmpty()) {
        attendance.add(Map.of("patientId", name.substring("attendance_".length()), "status", values.getFirst()));
      }
    });
    try {
      String sessionId = openSession(groupId, date, key);
      gateway.postOnce(FormKeys.part(key, "attendance"), "/api/aftercare/v1/groups/{id}/sessions/{sid}/attendance",
          Map.of("attendance", attendance), groupId, sessionId);
      return "redirect:/aftercare/groups/" + groupId + "/register?date=" + date + "&saved";
    } catch (GatewayProblem refused) {
      if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
        throw refused;
      }
      response.setStatus(refused.status());
      register(groupId, date, model, session);
      model.addAttribute("registerProblem", refused);
      return "aftercare/register";
    }
  }

  private String openSession(String groupId, String date, String key) {
    for (Map<String, Object> scheduled : gateway.list("/api/aftercare/v1/groups/{id}/sessions?from={d}&to={d}",
        groupId, date, date)) {
      if (scheduled.get("sessionId") != null) {
        return scheduled.get("sessionId").toString();
      }
    }
    return String.valueOf(gateway.postOnce(FormKeys.part(key, "session"), "/api/aftercare/v1/groups/{id}/sessions",
        Map.of("date", date), groupId).get("sessionId"));
  }
}
