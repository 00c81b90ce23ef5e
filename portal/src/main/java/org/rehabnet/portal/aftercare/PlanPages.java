package org.rehabnet.portal.aftercare;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.security.Staff;
import org.rehabnet.portal.web.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One person's aftercare, reached from the caseload row by the plan's id only (never a name in a URL):
 * the plan with its recovery milestones and open outreach, the check-ins, the contingency-management
 * ledger and the relapse report. Only a counsellor records; a clinical lead reads; anyone else sees the
 * plan's summary. Every form carries an Idempotency-Key made when it was rendered, so a double submit
 * or a retry after a lost answer records once.
 */
@Controller
class PlanPages {

  private static final List<String> SUBSTANCES = List.of("HEROIN", "FENTANYL", "OTHER_OPIOID", "METHADONE",
      "BUPRENORPHINE", "BENZODIAZEPINE", "ALCOHOL", "STIMULANT", "CANNABIS", "OTHER");

  private final Gateway gateway;
  private final Patients patients;

  PlanPages(Gateway gateway, Patients patients) {
    this.gateway = gateway;
    this.patients = patients;
  }

  @GetMapping("/aftercare/plans/{planId}")
  String plan(@PathVariable UUID planId, Model model, HttpSession session) {
    Staff staff = Staff.current();
    // The whole plan is the counsellor's and the clinical lead's; other staff read its summary.
    Map<String, Object> plan = staff.aftercare() ? gateway.get("/api/aftercare/v1/plans/{id}", planId)
        : gateway.get("/api/aftercare/v1/plans/{id}/summary", planId);
    common(planId, plan, model, session);
    List<Object> outreach = new ArrayList<>();
    if (staff.aftercare() && plan.get("site") != null) {
      // Open outreach lives on the caseload row (aftercare has no separate worklist of it).
      Map<String, Object> caseload = gateway.get("/api/aftercare/v1/caseload?site={site}", plan.get("site"));
      for (Object entry : (List<?>) caseload.getOrDefault("entries", List.of())) {
        Map<?, ?> row = (Map<?, ?>) entry;
        if (planId.toString().equals(String.valueOf(row.get("planId"))) && row.get("openOutreach") instanceof List<?> open) {
          outreach.addAll(open);
        }
      }
    }
    model.addAttribute("outreach", outreach);
    // One key per task's form: marking two tasks done is two requests.
    Map<String, String> outreachKeys = new LinkedHashMap<>();
    outreach.forEach(task -> outreachKeys.put(String.valueOf(((Map<?, ?>) task).get("taskId")),
        UUID.randomUUID().toString()));
    model.addAttribute("outreachKeys", outreachKeys);
    return "aftercare/plan";
  }

  @PostMapping("/aftercare/plans/{planId}/outreach/{taskId}/done")
  String outreachDone(@PathVariable UUID planId, @PathVariable UUID taskId, @RequestParam UUID idempotencyKey) {
    counsellorOnly();
    gateway.postOnce(idempotencyKey.toString(), "/api/aftercare/v1/plans/{id}/relapses/outreach/{task}/done",
        Map.of(), planId, taskId);
    return "redirect:/aftercare/plans/" + planId + "?outreachDone";
  }

  @GetMapping("/aftercare/plans/{planId}/check-ins")
  String checkIns(@PathVariable UUID planId, Model model, HttpSession session) {
    common(planId, gateway.get("/api/aftercare/v1/plans/{id}", planId), model, session);
    model.addAttribute("checkIns", gateway.listWindow("/api/aftercare/v1/plans/{id}/check-ins", planId));
    model.addAttribute("substances", SUBSTANCES);
    return "aftercare/check-ins";
  }

  @PostMapping("/aftercare/plans/{planId}/check-ins")
  String recordCheckIn(@PathVariable UUID planId, @RequestParam UUID idempotencyKey,
      @RequestParam MultiValueMap<String, String> form, Model model, HttpSession session,
      HttpServletResponse response) {
    counsellorOnly();
    Map<String, Object> body = new LinkedHashMap<>();
    put(body, "on", form.getFirst("on"));
    body.put("cravings", number(form.getFirst("cravings")));
    boolean used = "true".equals(form.getFirst("usedSinceLastCheckIn"));
    body.put("usedSinceLastCheckIn", used);
    if (used) {
      put(body, "substanceUsed", form.getFirst("substanceUsed"));
    }
    put(body, "mood", form.getFirst("mood"));
    put(body, "housing", form.getFirst("housing"));
    put(body, "employment", form.getFirst("employment"));
    List<Object> phq9 = new ArrayList<>();
    boolean phq9Done = false;
    for (int item = 1; item <= 9; item++) {
      String score = form.getFirst("phq9_" + item);
      phq9Done |= score != null && !score.isBlank();
      phq9.add(number(score));
    }
    if (phq9Done) {
      // Half a PHQ-9 goes as it is: aftercare refuses it naming phq9, and the form shows why.
      body.put("phq9", phq9);
    }
    try {
      Map<String, Object> recorded = gateway.postOnce(idempotencyKey.toString(),
          "/api/aftercare/v1/plans/{id}/check-ins", body, planId);
      return "redirect:/aftercare/plans/" + planId + "/check-ins?saved"
          + (Boolean.TRUE.equals(recorded.get("safetyAlert")) ? "&safetyAlert" : "");
    } catch (GatewayProblem refused) {
      shown(refused, response, model);
      checkIns(planId, model, session);
      model.addAttribute("form", form.toSingleValueMap());
      return "aftercare/check-ins";
    }
  }

  @GetMapping("/aftercare/plans/{planId}/contingency")
  String contingency(@PathVariable UUID planId, Model model, HttpSession session) {
    common(planId, gateway.get("/api/aftercare/v1/plans/{id}", planId), model, session);
    // The ledger's entries come a page at a time (its last year by default); the page shows them all.
    model.addAttribute("ledger", gateway.getPaged("entries", "/api/aftercare/v1/plans/{id}/contingency", planId));
    model.addAttribute("substances", SUBSTANCES);
    return "aftercare/contingency";
  }

  @PostMapping("/aftercare/plans/{planId}/contingency")
  String recordBehaviour(@PathVariable UUID planId, @RequestParam UUID idempotencyKey,
      @RequestParam MultiValueMap<String, String> form, Model model, HttpSession session,
      HttpServletResponse response) {
    counsellorOnly();
    Map<String, Object> body = new LinkedHashMap<>();
    put(body, "behaviour", form.getFirst("behaviour"));
    put(body, "on", form.getFirst("on"));
    put(body, "screenId", form.getFirst("screenId"));
    if ("POSITIVE_SCREEN".equals(form.getFirst("behaviour"))) {
      put(body, "substance", form.getFirst("substance"));
    }
    try {
      gateway.postOnce(idempotencyKey.toString(), "/api/aftercare/v1/plans/{id}/contingency/behaviours", body, planId);
      return "redirect:/aftercare/plans/" + planId + "/contingency?saved";
    } catch (GatewayProblem refused) {
      shown(refused, response, model);
      contingency(planId, model, session);
      model.addAttribute("form", form.toSingleValueMap());
      return "aftercare/contingency";
    }
  }

  @GetMapping("/aftercare/plans/{planId}/relapses")
  String relapses(@PathVariable UUID planId, Model model, HttpSession session) {
    common(planId, gateway.get("/api/aftercare/v1/plans/{id}", planId), model, session);
    model.addAttribute("reports", gateway.listWindow("/api/aftercare/v1/plans/{id}/relapses", planId));
    model.addAttribute("substances", SUBSTANCES);
    return "aftercare/relapse";
  }

  @PostMapping("/aftercare/plans/{planId}/relapses")
  String reportRelapse(@PathVariable UUID planId, @RequestParam UUID idempotencyKey,
      @RequestParam MultiValueMap<String, String> form, Model model, HttpSession session,
      HttpServletResponse response) {
    counsellorOnly();
    Map<String, Object> body = new LinkedHashMap<>();
    put(body, "kind", form.getFirst("kind"));
    put(body, "substance", form.getFirst("substance"));
    put(body, "occurredOn", form.getFirst("occurredOn"));
    for (String flag : List.of("overdose", "naloxoneUsed", "overdoseEducationGiven", "wantsReadmission")) {
      body.put(flag, "true".equals(form.getFirst(flag)));
    }
    put(body, "urgency", form.getFirst("urgency"));
    try {
      gateway.postOnce(idempotencyKey.toString(), "/api/aftercare/v1/plans/{id}/relapses", body, planId);
      return "redirect:/aftercare/plans/" + planId + "/relapses?saved";
    } catch (GatewayProblem refused) {
      shown(refused, response, model);
      relapses(planId, model, session);
      model.addAttribute("form", form.toSingleValueMap());
      return "aftercare/relapse";
    }
  }

  /** What every plan page shows: the plan, the person (in the page, never in its title) and a fresh form key. */
  private void common(UUID planId, Map<String, Object> plan, Model model, HttpSession session) {
    model.addAttribute("planId", planId.toString());
    model.addAttribute("plan", plan);
    Object patientId = plan.get("patientId");
    model.addAttribute("person", patientId == null ? null : patients.one(patientId.toString(), session));
    model.addAttribute("counsellor", Staff.current().is("counsellor"));
    // A new key per rendered form: after a refusal the corrected form is a new request.
    model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
  }

  /** The gateway refuses a counsellor's write anyway; refusing here keeps a nurse's POST off the services. */
  private static void counsellorOnly() {
    if (!Staff.current().is("counsellor")) {
      throw new GatewayProblem(403, Map.of("title", "Forbidden", "detail", "Only a counsellor records aftercare."));
    }
  }

  /** A refusal of the form's content is shown in the form; anything else is the problem page. */
  private static void shown(GatewayProblem refused, HttpServletResponse response, Model model) {
    int status = refused.status();
    if (status != 400 && status != 409 && status != 412 && status != 422) {
      throw refused;
    }
    response.setStatus(status);
    model.addAttribute("formProblem", refused);
  }

  private static void put(Map<String, Object> body, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      body.put(name, value.trim());
    }
  }

  /** A number as a number; anything else goes as typed, so aftercare's 400 names the field. */
  private static @Nullable Object number(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      return value.trim();
    }
  }
}
